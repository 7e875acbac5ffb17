using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// The fused Adam (CUDA's default: the whole update over flat buffers, a few kernel launches instead of eight per
/// parameter) is the same update as the per-parameter one the CPU runs, to float rounding, and keeps the checkpoint
/// format. Both run here on the CPU.
/// </summary>
public class FusedAdamTests
{
    /// <summary>Copies of the disk autoencoder's parameters (28 tensors, 1 412 numbers per model), as leaves with gradients.</summary>
    static List<Tensor> Parameters()
    {
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1, 2]);
        return model.parameters().Select(p => p.detach().clone().requires_grad_(true)).ToList();
    }

    static float[] Flat(IEnumerable<Tensor> tensors) => tensors.SelectMany(t => t.detach().cpu().data<float>().ToArray()).ToArray();

    static float[] Train(bool fused, double learningRate, int steps, double gradientScale = 1)
    {
        var parameters = Parameters();
        using var adam = new Adam(parameters, learningRate, fused);
        var random = new Generator(7);
        for (int s = 0; s < steps; s++)
        {
            foreach (var p in parameters) p.grad = randn(p.shape, generator: random) * ((s % 3 + 1) * gradientScale);
            adam.Update();
        }
        Assert.That(adam.Fused, Is.EqualTo(fused));
        return Flat(parameters).Concat(Flat(adam.FirstMoments)).Concat(Flat(adam.SecondMoments)).ToArray();
    }

    [Test]
    public void The_fused_update_is_the_per_parameter_update_to_float_rounding()
    {
        TorchRuntime.Initialise();
        var perParameter = Train(fused: false, 1e-3, 25);
        var fused = Train(fused: true, 1e-3, 25);
        var otherRate = Train(fused: false, 1.01e-3, 25);
        static double MaxDifference(float[] a, float[] b) => a.Zip(b).Max(pair => Math.Abs((double)pair.First - pair.Second));
        Assert.Multiple(() =>
        {
            Assert.That(fused, Has.Length.EqualTo(perParameter.Length));
            Assert.That(MaxDifference(perParameter, fused), Is.LessThan(1e-6), "parameters and moments after 25 steps");
            Assert.That(MaxDifference(perParameter, otherRate), Is.GreaterThan(1e-5), "control: a 1% larger step is told apart at this tolerance");
        });
    }

    /// <summary>With gradients near 1e-9, √v̂ is below ε = 1e-8 and the step is set by where ε sits: the two agree there too.</summary>
    [Test]
    public void The_fused_update_places_epsilon_as_the_per_parameter_one()
    {
        TorchRuntime.Initialise();
        var perParameter = Train(fused: false, 1e-3, 10, gradientScale: 1e-9);
        var fused = Train(fused: true, 1e-3, 10, gradientScale: 1e-9);
        var initial = Train(fused: false, 1e-3, 0);
        int count = initial.Length / 3; // parameters first, then both moments
        double moved = perParameter.Take(count).Zip(initial.Take(count)).Max(p => Math.Abs((double)p.First - p.Second));
        double apart = perParameter.Take(count).Zip(fused.Take(count)).Max(p => Math.Abs((double)p.First - p.Second));
        Assert.That(moved, Is.GreaterThan(1e-5), "the small gradients still move the weights (by about lr · m̂ / (√v̂ + ε))");
        Assert.That(apart, Is.LessThan(1e-3 * moved), "and both updates move them alike");
    }

    [Test]
    public void A_parameter_without_a_gradient_is_left_alone_in_both_modes()
    {
        TorchRuntime.Initialise();
        foreach (bool fused in new[] { false, true })
        {
            var parameters = Parameters();
            var before = Flat(parameters.Take(1));
            using var adam = new Adam(parameters, 1e-2, fused);
            foreach (var p in parameters.Skip(1)) p.grad = ones_like(p);
            adam.Update();
            Assert.That(Flat(parameters.Take(1)), Is.EqualTo(before), $"fused = {fused}");
            Assert.That(Flat(adam.FirstMoments.Take(1)), Is.All.EqualTo(0f), $"fused = {fused}: its moments too");
            Assert.That(Flat(adam.FirstMoments.Skip(1).Take(1)), Is.All.EqualTo(0.1f).Within(1e-7), $"fused = {fused}: the others moved");
        }
    }

    /// <summary>A fused optimiser's state saves as the per-parameter one does and resumes into the CPU's layout.</summary>
    [Test]
    public void A_fused_optimiser_checkpoints_and_resumes_in_the_same_format()
    {
        TorchRuntime.Initialise();
        string path = Path.Combine(Path.GetTempPath(), $"fused-{Guid.NewGuid():N}.aeckpt");
        try
        {
            using var model = new Autoencoder(AutoencoderConfig.Disk(), [3]);
            using var adam = new Adam(model.parameters(), 1e-3, fused: true);
            foreach (var p in model.parameters()) p.grad = full_like(p, 0.5);
            adam.Update();
            adam.Update();
            Checkpoint.Save(path, model, [3], adam);
            var loaded = Checkpoint.Load(path);
            using (loaded.Model) using (loaded.Adam)
            {
                Assert.That(loaded.Adam.Fused, Is.False, "on the CPU the resumed optimiser runs per parameter");
                Assert.That(loaded.Adam.Step, Is.EqualTo(2));
                Assert.That(Flat(loaded.Adam.FirstMoments), Is.EqualTo(Flat(adam.FirstMoments)));
                Assert.That(Flat(loaded.Adam.SecondMoments), Is.EqualTo(Flat(adam.SecondMoments)));
                Assert.That(Flat(loaded.Model.parameters()), Is.EqualTo(Flat(model.parameters())));
                // On CUDA the resumed optimiser is fused and Checkpoint.Load fills its moments in place, as here: the
                // copies must land in the flat buffers the fused update reads.
                using var fusedResume = new Adam(loaded.Model.parameters(), 1e-3, fused: true) { Step = loaded.Adam.Step };
                using (no_grad())
                    for (int i = 0; i < fusedResume.FirstMoments.Count; i++)
                    {
                        fusedResume.FirstMoments[i].copy_(loaded.Adam.FirstMoments[i]);
                        fusedResume.SecondMoments[i].copy_(loaded.Adam.SecondMoments[i]);
                    }
                foreach (var p in loaded.Model.parameters()) p.grad = full_like(p, 0.5);
                var before = Flat(loaded.Model.parameters());
                fusedResume.Update();
                Assert.That(Flat(fusedResume.FirstMoments), Is.EqualTo(Flat(adam.FirstMoments).Select(m => (float)(0.9 * m + 0.1 * 0.5))).Within(1e-6),
                    "the fused step read the copied moments (m ← 0.9 m + 0.1 g)");
                Assert.That(Flat(loaded.Model.parameters()), Is.Not.EqualTo(before), "and stepped the parameters");
            }
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Fusing_parameters_of_two_dtypes_is_refused()
    {
        TorchRuntime.Initialise();
        var mixed = new[] { zeros(2, requires_grad: true), zeros(new long[] { 2 }, dtype: ScalarType.Float64, requires_grad: true) };
        Assert.Throws<ArgumentException>(() => new Adam(mixed, 1e-3, fused: true));
        using var automatic = new Adam(mixed, 1e-3);
        Assert.That(automatic.Fused, Is.False, "on the CPU, and with mixed dtypes, the per-parameter update runs");
    }
}
