using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D15 (Sec. 4.4, App. D, Fig. 14): a DCGAN with a code of size 1, trained on the hole dataset of D11 and used as an
/// autoencoder by optimising z for each target, does not reproduce disks in the hole either. Gpu tier (it runs on a
/// CPU too, in minutes rather than seconds).
/// </summary>
public sealed class D15Dcgan : ClaimCheck
{
    public override string Id => "D15";
    public const int Steps = 3000, BatchSize = 64, Width = 16;
    /// <summary>The GAN must reproduce the observed disks beside the hole within this relative error for the comparison to mean anything.</summary>
    public const double MaxNearError = 0.15;
    /// <summary>GAN training can fail (the discriminator wins); the verdict needs at least this many that learned the data.</summary>
    public const int MinWorkingGans = 2;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        if (context.Tier != Tier.Gpu)
            throw new ClaimSkippedException("D15 trains a DCGAN and inverts it per target: Gpu tier (runs on a CPU with --tier gpu)");
        var hole = DiskSuite.For(context with { Tier = Tier.Default }).Hole;
        var metrics = new Dictionary<string, double>();
        var summaries = new List<string>();
        List<string> figures = [];
        int held = 0, failedGans = 0;
        foreach (int seed in Seeds(context))
        {
            using var gan = new Dcgan(codeSize: 1, Width, seed);
            gan.to(TorchRuntime.Device);
            var curve = GanTrainer.Train(gan, hole.TrainingSet().Images.unsqueeze(1).to(TorchRuntime.Device), (int)Math.Round(Steps * context.StepScale), BatchSize, seed: seed, logEvery: 250, log: context.Log);
            using var test = hole.TestSet();
            var (codes, outputs) = GanInversion.Invert(gan, test.Images.unsqueeze(1));
            var inputs = Enumerable.Range(0, test.Count).Select(i => test.Images[i].flatten().data<float>().ToArray()).ToArray();
            var e = new DiskEvaluation(test.Parameters, codes, inputs, outputs, test.Grid);
            double inHole = HoleCode.InHoleError(e), near = HoleCode.NearHoleError(e);
            var holeIdx = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= HoleCode.HoleFrom && e.Radii[i] <= HoleCode.HoleTo).ToArray();
            double radiusGap = holeIdx.Max(i => Math.Abs(e.RecoveredRadii[i] - e.Radii[i]));
            metrics[$"error_in_hole_12_17[seed{seed}]"] = inHole;
            metrics[$"error_near_hole[seed{seed}]"] = near;
            metrics[$"ratio[seed{seed}]"] = inHole / near;
            metrics[$"largest_radius_error_in_hole_px[seed{seed}]"] = radiusGap;
            metrics[$"final_discriminator_loss[seed{seed}]"] = curve[^1].Discriminator;
            metrics[$"final_generator_loss[seed{seed}]"] = curve[^1].Generator;
            // A GAN that did not learn the observed disks says nothing about the hole: counted apart.
            if (near > MaxNearError) failedGans++;
            else if (inHole >= D11Hole.MinErrorRatio * near) held++;
            summaries.Add($"seed {seed}: {inHole:0.000} in the hole vs {near:0.000} beside (ratio {inHole / near:0.0}), radius off by up to {radiusGap:0.0} px");
            if (figures.Count == 0) figures = Draw(context, gan, e);
        }
        int count = Seeds(context).Length, working = count - failedGans;
        metrics["seeds_held"] = held;
        metrics["gans_that_did_not_train"] = failedGans;
        return (working >= MinWorkingGans && held == working, metrics,
            $"DCGAN, error in the hole (r 12–17) against beside it (criterion: ratio ≥ {D11Hole.MinErrorRatio} in every GAN that learned the observed disks, error ≤ {MaxNearError} beside the hole, " +
            $"and at least {MinWorkingGans} such GANs of {count}): holds in {held}/{working}; {failedGans} GAN(s) did not train. " + string.Join("; ", summaries),
            figures);
    }

    /// <summary>Three seeds at the Gpu tier (each trains its own GAN).</summary>
    public static int[] Seeds(ClaimContext context) => Enumerable.Range(context.Seed + 1, 3).ToArray();

    static List<string> Draw(ClaimContext context, Dcgan gan, DiskEvaluation e)
    {
        var picks = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= 6 && e.Radii[i] <= 24).Where((_, j) => j % 4 == 0).ToArray();
        var sweep = Enumerable.Range(0, 12).Select(i => -1 + 2.0 * i / 11).ToArray();
        float[][] decodedSweep;
        using (var _ = TorchSharp.torch.no_grad())
        {
            var images = gan.Generate(TorchSharp.torch.tensor(sweep.Select(v => (float)v).ToArray(), [sweep.Length, 1]).to(TorchRuntime.Device)).cpu();
            decodedSweep = Enumerable.Range(0, sweep.Length).Select(i => images[i].flatten().data<float>().ToArray()).ToArray();
        }
        var figures = new List<string>
        {
            Figures.ImageRows(Path.Combine(context.FigureDirectory, "fig14_dcgan.png"),
                $"Fig. 14: DCGAN (d = 1) trained without r in (11, 18); test r = {string.Join(", ", picks.Select(i => e.Radii[i].ToString("0.0")))}",
                [("input", picks.Select(i => e.Inputs[i]).ToArray()), ("G(z*), z* optimised", picks.Select(i => e.Outputs[i]).ToArray()), ("G(z), z = −1 … 1", decodedSweep)]),
            Figures.Lines(Path.Combine(context.FigureDirectory, "fig14_dcgan_radii.png"),
                "Fig. 14: radius of G(z*) against the target radius", "target radius r", "radius of the reconstruction",
                [new("DCGAN", e.Radii, e.RecoveredRadii, Markers: true), new("identity", [0, 32], [0, 32])], marks: [DiskSuite.HoleLow, DiskSuite.HoleHigh]),
        };
        return figures;
    }
}
