using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D11: trained without radii in the hole (11, 18), the autoencoder fails on disks in the hole (Fig. 6).</summary>
public sealed class D11Hole : DiskClaimCheck<D11Hole.Seed>
{
    public override string Id => "D11";
    public const double MinErrorRatio = 2;
    static Data.Hole Hole => DiskSuite.HoleRange;

    public sealed record Seed(double ErrorInHole, double ErrorNearHole, double ControlErrorWhenObserved) : ISeedMeasurement
    {
        public double Ratio => ErrorInHole / ErrorNearHole;
        public double RatioToControl => ErrorInHole / ControlErrorWhenObserved;
        public bool Held => Ratio >= MinErrorRatio && ErrorInHole >= MinErrorRatio * ControlErrorWhenObserved;
        public IEnumerable<(string, double)> Metrics() =>
            [($"error_in_hole_{Hole.Inside.MetricSuffix}", ErrorInHole), ("error_near_hole", ErrorNearHole), ("ratio", Ratio), ("control_error_when_observed", ControlErrorWhenObserved), ("ratio_to_control", RatioToControl)];
    }

    /// <summary>
    /// Mean relative error over the hole's inside window against the windows beside it (similar sizes, so similar
    /// difficulty); the control is the network trained on r ≤ 18 (D10) with the same budget, for which the hole
    /// radii are training radii.
    /// </summary>
    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.Hole, suite.Restricted];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = context.Evaluate(suite.Hole)[k];
        return new(HoleCode.InHoleError(e, Hole), HoleCode.NearHoleError(e, Hole), HoleCode.InHoleError(context.Evaluate(suite.Restricted)[k], Hole));
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
        $"same radii when observed in training (r ≤ {DiskSuite.RestrictedRadius} network): {Range(s, m => m.ControlErrorWhenObserved, "0.000")}, ratio {Range(s, m => m.RatioToControl, "0.0")} (≥ {MinErrorRatio})";
}
