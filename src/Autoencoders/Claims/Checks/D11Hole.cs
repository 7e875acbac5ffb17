using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D11: trained without radii in (11, 18), the autoencoder fails on disks in the hole (Fig. 6).</summary>
public sealed class D11Hole : DiskClaimCheck
{
    public override string Id => "D11";
    public const double MinErrorRatio = 2;

    /// <summary>
    /// Mean relative error over the hole's test radii [12, 17] against the radii within 4 px of it on either side,
    /// [7, 10] ∪ [19, 22] (similar sizes, so similar difficulty); the control is the network trained on r ≤ 18 (D10)
    /// with the same budget, for which the hole radii are training radii.
    /// </summary>
    protected override (bool, Dictionary<string, double>) MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = DiskSuite.Evaluate(suite.Hole, context.Log)[k];
        double hole = HoleCode.InHoleError(e);
        double outside = HoleCode.NearHoleError(e);
        double control = HoleCode.InHoleError(DiskSuite.Evaluate(suite.Restricted, context.Log)[k]);
        return (hole / outside >= MinErrorRatio && hole >= MinErrorRatio * control,
            new() { ["error_in_hole_12_17"] = hole, ["error_near_hole"] = outside, ["ratio"] = hole / outside, ["control_error_when_observed"] = control, ["ratio_to_control"] = hole / control });
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = DiskSuite.Evaluate(suite.Hole, context.Log)[0];
        var picks = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= 6 && e.Radii[i] <= 24).Where((_, j) => j % 4 == 0).ToArray();
        return [Figures.ImageRows(FigurePath(context, "fig6_hole.png"), $"Fig. 6: trained without r in (11, 18); test r = {string.Join(", ", picks.Select(i => e.Radii[i].ToString("0.0")))}",
            [("input", picks.Select(i => e.Inputs[i]).ToArray()), ("output", picks.Select(i => e.Outputs[i]).ToArray())])];
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"error in the hole (r 12–17) {Range(s, "error_in_hole_12_17", "0.000")} vs {Range(s, "error_near_hole", "0.000")} at r 7–10 and 19–22: ratio {Range(s, "ratio", "0.0")} (≥ {MinErrorRatio}); " +
        $"same radii when observed in training (r ≤ 18 network): {Range(s, "control_error_when_observed", "0.000")}, ratio {Range(s, "ratio_to_control", "0.0")} (≥ {MinErrorRatio})";
}
