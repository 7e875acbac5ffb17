using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D15 (Sec. 4.4, App. D, Fig. 14): a DCGAN with a code of size 1, trained on the hole dataset of D11 and used as an
/// autoencoder by optimising z for each target, does not reproduce disks in the hole either. Gpu tier (it runs on a
/// CPU too, in minutes rather than seconds).
/// </summary>
public sealed class D15Dcgan : ClaimCheck
{
    public override string Id => "D15";
    /// <summary>The bar of the rate over trained GANs that fail in the hole: most of them (as the disk claims).</summary>
    public const double Bar = Evidence.MostRuns;
    static Data.Hole Hole => DiskSuite.HoleRange;

    /// <summary>One GAN measured on the hole.</summary>
    /// <param name="Trainability">
    /// GAN training can fail (the discriminator wins); the one rule, on the inverted reconstructions of the radii it
    /// was trained on, says whether it learned the data. One that did not says nothing about the hole.
    /// </param>
    /// <param name="ControlErrorInHole">The control GAN (same seed, full radius range: the hole radii observed) at the hole radii (#16.6).</param>
    public sealed record Seed(int Number, double ErrorInHole, double ErrorNearHole, double LargestRadiusErrorInHole, double FinalDiscriminatorLoss, double FinalGeneratorLoss, Trainability Trainability, double ControlErrorInHole, Trainability ControlTrainability)
    {
        public double Ratio => ErrorInHole / ErrorNearHole;
        /// <summary>The GAN and its control both trained (a control that did not would make "worse than the control" trivial).</summary>
        public bool Trained => Trainability.Trained && ControlTrainability.Trained;
        /// <summary>D11's two comparisons: against the radii beside the hole, and against a GAN that saw the hole radii.</summary>
        public bool FailsInHole => ErrorInHole >= D11Hole.MinErrorRatio * ErrorNearHole && ErrorInHole >= D11Hole.MinErrorRatio * ControlErrorInHole;
        public IEnumerable<(string, double)> Metrics() =>
        [
            ($"error_in_hole_{Hole.Inside.MetricSuffix}[seed{Number}]", ErrorInHole), ($"error_near_hole[seed{Number}]", ErrorNearHole), ($"ratio[seed{Number}]", Ratio),
            ($"largest_radius_error_in_hole_px[seed{Number}]", LargestRadiusErrorInHole), ($"final_discriminator_loss[seed{Number}]", FinalDiscriminatorLoss), ($"final_generator_loss[seed{Number}]", FinalGeneratorLoss),
            ($"unexplained_share[seed{Number}]", Trainability.Relative), ($"control_error_in_hole[seed{Number}]", ControlErrorInHole), ($"control_unexplained_share[seed{Number}]", ControlTrainability.Relative),
        ];

        public static Seed Of(GanRun run, GanRun control)
        {
            var e = run.Evaluation;
            return new(run.Seed, HoleCode.InHoleError(e, Hole), HoleCode.NearHoleError(e, Hole),
                Hole.Inside.IndicesIn(e.Radii).Max(i => Math.Abs(e.RecoveredRadii[i] - e.Radii[i])), run.Curve[^1].Discriminator, run.Curve[^1].Generator,
                e.Trainability(Hole.TrainingRange(e.Grid), biasFree: false), HoleCode.InHoleError(control.Evaluation, Hole),
                control.Evaluation.Trainability(Data.RadiusRange.Full(e.Grid), biasFree: false));
        }
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        if (context.Budget.Gans is null)
            throw new ClaimSkippedException("D15 trains a DCGAN and inverts it per target: Gpu tier (runs on a CPU with --tier gpu)");
        var runs = GanExperiment.For(context.Budget).Select(context.Get).ToArray();
        var controls = GanExperiment.Controls(context.Budget).Select(context.Get).ToArray();
        var seeds = runs.Zip(controls, Seed.Of).ToArray();
        var metrics = seeds.SelectMany(s => s.Metrics()).ToDictionary(m => m.Item1, m => m.Item2);
        int held = seeds.Count(s => s.Trained && s.FailsInHole), failedGans = seeds.Count(s => !s.Trained), working = seeds.Length - failedGans;
        metrics["seeds_held"] = held;
        var evidence = Evidence.Rate("share of trained GANs that fail in the hole", held, working, seeds.Length, Bar, context.MoreSeeds);
        return new(true, metrics,
            $"DCGAN, error in the hole (r {Hole.Inside.Caption}) against beside it (criterion, as D11: ≥ {D11Hole.MinErrorRatio}× the error beside the hole and ≥ {D11Hole.MinErrorRatio}× that of the control GAN that saw the hole radii, in a GAN that trained): holds in {held}/{working} trained GANs; {failedGans} did not train. " +
            string.Join("; ", seeds.Select(s => $"seed {s.Number}: {s.ErrorInHole:0.000} in the hole vs {s.ErrorNearHole:0.000} beside (ratio {s.Ratio:0.0}), control {s.ControlErrorInHole:0.000}, radius off by up to {s.LargestRadiusErrorInHole:0.0} px, unexplained share {s.Trainability.Relative:0.00}")),
            Draw(context, runs[0]), evidence);
    }

    static List<string> Draw(ClaimContext context, GanRun run)
    {
        var e = run.Evaluation;
        var picks = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= 6 && e.Radii[i] <= 24).Where((_, j) => j % 4 == 0).ToArray();
        return
        [
            Figures.ImageRows(context.FigurePath("fig14_dcgan.png"),
                $"Fig. 14: DCGAN (d = 1) trained without r in {Hole.Caption}; test r = {string.Join(", ", picks.Select(i => e.Radii[i].ToString("0.0")))}",
                [("input", picks.Select(i => e.Inputs[i]).ToArray()), ("G(z*), z* optimised", picks.Select(i => e.Outputs[i]).ToArray()), ("G(z), z = −1 … 1", run.DecodedSweep)]),
            Figures.Lines(context.FigurePath("fig14_dcgan_radii.png"),
                "Fig. 14: radius of G(z*) against the target radius", "target radius r", "radius of the reconstruction",
                [new("DCGAN", e.Radii, e.RecoveredRadii, Markers: true), new("identity", [0, 32], [0, 32])], marks: [Hole.Low, Hole.High]),
        ];
    }
}
