using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D11: trained without radii in the hole (11, 18), the autoencoder fails on disks in the hole (Fig. 6).</summary>
public sealed class D11Hole : DiskClaimCheck<D11Hole.Seed>
{
    public override string Id => "D11";
    public const double MinErrorRatio = 2;
    static Data.Hole Hole => DiskSuite.HoleRange;

    /// <param name="NoHoleRatio">
    /// The negative control: the same ratio (in the hole / beside it) for the hole run's training on every size. Below
    /// <see cref="MinErrorRatio"/> it shows the hole's window is not by itself twice as hard as the windows beside it
    /// (on disks small ones are harder; on B1's shapes the windows' pixel margins differ), so the first comparison
    /// measures the hole; at or above it the comparison cannot tell the hole from difficulty, and the check fails.
    /// </param>
    public sealed record Seed(double ErrorInHole, double ErrorNearHole, double ControlErrorWhenObserved, double NoHoleRatio) : ISeedMeasurement
    {
        public double Ratio => ErrorInHole / ErrorNearHole;
        public double RatioToControl => ErrorInHole / ControlErrorWhenObserved;
        public bool Held => Ratio >= MinErrorRatio && ErrorInHole >= MinErrorRatio * ControlErrorWhenObserved;
        public string? FailedControl => NoHoleRatio < MinErrorRatio ? null
            : $"trained on every size, the error in the hole's window is {NoHoleRatio:0.00}× the error beside it (must be < {MinErrorRatio}): the window is harder by itself";
        public IEnumerable<(string, double)> Metrics() =>
            [($"error_in_hole_{Hole.Inside.MetricSuffix}", ErrorInHole), ("error_near_hole", ErrorNearHole), ("ratio", Ratio), ("control_error_when_observed", ControlErrorWhenObserved), ("ratio_to_control", RatioToControl), ("control_ratio_no_hole", NoHoleRatio)];
    }

    /// <summary>
    /// The hole run's training on every size: the negative control of the first comparison. It is the same training as
    /// the hole run but for the range, so at the Experiment and Gpu tiers it is the suite's full network (D2) and at the
    /// default tier B4's width-0 cell: no training of its own.
    /// </summary>
    public static DiskExperiment NoHole(DiskSuite suite) => suite.Hole with { Range = null };

    /// <summary>
    /// Mean relative error over the hole's inside window against the windows beside it (similar sizes, so similar
    /// difficulty); the second comparison is the network trained on r ≤ 18 (D10) with the same budget, for which the hole
    /// radii are training radii; the negative control is <see cref="NoHole"/>.
    /// </summary>
    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.Hole, suite.Restricted, NoHole(suite)];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = context.Evaluate(suite.Hole)[k];
        var noHole = context.Evaluate(NoHole(suite))[k];
        return new(HoleCode.InHoleError(e, Hole), HoleCode.NearHoleError(e, Hole), HoleCode.InHoleError(context.Evaluate(suite.Restricted)[k], Hole),
            HoleCode.InHoleError(noHole, Hole) / HoleCode.NearHoleError(noHole, Hole));
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = context.Evaluate(suite.Hole)[0];
        var picks = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= 6 && e.Radii[i] <= 24).Where((_, j) => j % 4 == 0).ToArray();
        return [Figures.ImageRows(context.FigurePath("fig6_hole.png"), $"Fig. 6: {suite.Hole.Family.Name} trained without sizes in {Hole.Caption}; test r = {string.Join(", ", picks.Select(i => e.Radii[i].ToString("0.0")))}",
            [("input", picks.Select(i => e.Inputs[i]).ToArray()), ("output", picks.Select(i => e.Outputs[i]).ToArray())])];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"error in the hole (r {Hole.Inside.Caption}) {Range(s, m => m.ErrorInHole, "0.000")} vs {Range(s, m => m.ErrorNearHole, "0.000")} at r {Hole.Below.Caption} and {Hole.Above.Caption}: ratio {Range(s, m => m.Ratio, "0.0")} (≥ {MinErrorRatio}); " +
        $"same radii when observed in training (r ≤ {DiskSuite.RestrictedRadius} network): {Range(s, m => m.ControlErrorWhenObserved, "0.000")}, ratio {Range(s, m => m.RatioToControl, "0.0")} (≥ {MinErrorRatio}); " +
        $"control, the same training on every radius: ratio {Range(s, m => m.NoHoleRatio, "0.00")} (must be < {MinErrorRatio})";
}
