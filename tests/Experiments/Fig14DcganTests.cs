using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Runtime;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Experiments;

/// <summary>App. D, Fig. 14 (D15): a DCGAN with d = 1, inverted per target, fails in the hole too.</summary>
public class Fig14DcganTests
{
    [Test, Claim("D15"), Category("Gpu")]
    public void A_DCGAN_with_a_code_of_size_one_does_not_reproduce_disks_in_the_hole()
    {
        // Three GANs cannot clear the bar 0.5 (3/3 gives [0.29, 1]): INCONCLUSIVE at this tier, whatever they do. The
        // test runs the Gpu tier's seeds 201–203, not yet run; its bounds come from the recorded outcome on seeds
        // 101–103 (with the control GAN, on a CPU: every GAN and control trained, all three fail in the hole,
        // hole/beside 21–62, hole/control 33–112) and allow for a GAN that does not train (seeds 1–3 once lost one to
        // its discriminator): two trained GANs, most failing in the hole, one failure at 5× or more.
        var result = ClaimAssert.MatchesRecordedVerdict("D15", Tier.Gpu, [Verdict.Inconclusive], minTrainedShare: 0.6);
        var ratios = result.Metrics.Where(m => m.Key.StartsWith("ratio[")).Select(m => m.Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Evidence!.Trained, Is.GreaterThanOrEqualTo(2));
            Assert.That(result.Evidence.Interval.Estimate, Is.GreaterThanOrEqualTo(0.5), "most trained GANs fail in the hole");
            Assert.That(ratios.Max(), Is.GreaterThanOrEqualTo(5), "the failure in the hole is large (recorded 21–62× the error beside it)");
        });
    }

    [Test, Claim("D15")]
    public void The_DCGAN_maps_codes_to_64_by_64_images_and_images_to_one_logit()
    {
        TorchRuntime.Initialise();
        using var gan = new Dcgan(codeSize: 1, width: 4, seed: 3);
        gan.eval();
        using var _ = no_grad();
        var images = gan.Generate(rand(5, 1));
        Assert.Multiple(() =>
        {
            Assert.That(images.shape, Is.EqualTo(new long[] { 5, 1, 64, 64 }));
            Assert.That(gan.Discriminator.forward(images).shape, Is.EqualTo(new long[] { 5, 1 }));
            Assert.That(images.min().item<float>(), Is.GreaterThanOrEqualTo(0f), "sigmoid output, like the disk images");
        });
    }

    /// <summary>Inverting images the generator itself drew recovers them: the per-target optimisation finds the code.</summary>
    [Test, Claim("D15")]
    public void Inverting_the_generator_reproduces_what_it_generated()
    {
        TorchRuntime.Initialise();
        using var gan = new Dcgan(codeSize: 1, width: 4, seed: 3);
        gan.eval();
        var codes = new float[] { -0.9f, -0.3f, 0.2f, 0.7f };
        Tensor targets;
        using (var _ = no_grad()) targets = gan.Generate(tensor(codes, [4, 1]));
        var (found, outputs) = GanInversion.Invert(gan, targets, refineSteps: 50);
        var x = targets.view(4, -1);
        for (int i = 0; i < codes.Length; i++)
        {
            double error = Math.Sqrt(outputs[i].Zip(x[i].data<float>().ToArray(), (p, q) => (double)(p - q) * (p - q)).Sum() / x[i].pow(2).sum().item<float>());
            Assert.That(error, Is.LessThan(0.01), $"target {i} (z = {codes[i]}, found {found[i]:0.000})");
        }
    }
}
