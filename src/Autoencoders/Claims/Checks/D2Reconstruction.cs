using Autoencoders.Report;
using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Models;

namespace Autoencoders.Claims.Checks;

/// <summary>D2: with d = 1, held-out disks are reconstructed: small relative error, radius recovered from the output.</summary>
public sealed class D2Reconstruction : DiskClaimCheck
{
    public override string Id => "D2";
    public const double MaxRelativeError = 0.02, MaxRadiusError = 1.0;

    /// <summary>
    /// Small disks are learned last (they carry little of the loss): the short default-tier run draws disks from
    /// r ≈ 12 on within 1 px, paper-scale training from r ≈ 6 (spec/settings.md has the measured curve).
    /// </summary>
    public static double MinRadius(Tier tier) => tier == Tier.Default ? 12 : 6;

    /// <summary>
    /// Aggregate relative error Σ‖y − x‖² / Σ‖x‖² over all test disks, and the worst gap between the radius read off
    /// the output and the one read off the input (both by mass, so the image border treats them alike) for r ≥ minRadius.
    /// </summary>
    public static (double RelativeError, double RadiusError) Score(DiskEvaluation e, double minRadius = 0)
    {
        double err = e.SquaredErrors.Sum(), norm = e.Inputs.Sum(x => x.Sum(v => (double)v * v));
        var idx = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= minRadius).ToArray();
        return (err / norm, idx.Max(i => Math.Abs(e.RecoveredRadii[i] - DiskMeasures.RadiusFromArea(e.Inputs[i]))));
    }

    protected override (bool, Dictionary<string, double>) MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var (rel, radius) = Score(DiskSuite.Evaluate(suite.Full, context.Log)[k], MinRadius(context.Tier));
        // Negative control: the same architecture untrained.
        using var untrained = new Autoencoder(suite.Full.Config, [suite.Full.Seeds[k]]);
        using var test = suite.Full.TestSet();
        var (relUntrained, _) = Score(DiskEvaluation.Of(untrained, test)[0]);
        return (rel < MaxRelativeError && radius < MaxRadiusError && relUntrained >= MaxRelativeError,
            new() { ["relative_error"] = rel, ["max_radius_error_px"] = radius, ["min_radius_checked"] = MinRadius(context.Tier), ["relative_error_untrained"] = relUntrained });
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = DiskSuite.Evaluate(suite.Full, context.Log)[0];
        return [Figures.ImageRows(FigurePath(context, "fig2_reconstructions.png"), $"Fig. 2: held-out disks r = 0.25…31.75 (seed {suite.Full.Seeds[0]})",
            [("input", Every(e.Inputs, 8)), ("output", Every(e.Outputs, 8))])];
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"relative error {Range(s, "relative_error", "0.0000")} (< {MaxRelativeError}), worst recovered-radius error {Range(s, "max_radius_error_px", "0.00")} px for r ≥ {s[0]["min_radius_checked"]} (< {MaxRadiusError}); untrained control {Range(s, "relative_error_untrained", "0.00")}";
}
