using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Models;

namespace Autoencoders.Claims.Checks;

/// <summary>D2: with d = 1, held-out disks are reconstructed: small relative error, radius recovered from the output.</summary>
public sealed class D2Reconstruction : DiskClaimCheck
{
    public override string Id => "D2";
    public const double MaxRelativeError = 0.05, MaxRadiusError = 1.0, MinRadius = 2;

    /// <summary>Aggregate relative error Σ‖y − x‖² / Σ‖x‖² and worst |r̂ − r| over test radii ≥ 2.</summary>
    public static (double RelativeError, double RadiusError) Score(DiskEvaluation e)
    {
        var idx = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= MinRadius).ToArray();
        double err = idx.Sum(i => e.SquaredErrors[i]), norm = idx.Sum(i => e.Inputs[i].Sum(v => (double)v * v));
        return (err / norm, idx.Max(i => Math.Abs(e.RecoveredRadii[i] - e.Radii[i])));
    }

    protected override (bool, Dictionary<string, double>) MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var (rel, radius) = Score(DiskSuite.Evaluate(suite.Full, context.Log)[k]);
        // Negative control: the same architecture untrained.
        using var untrained = new Autoencoder(suite.Full.Config, [suite.Full.Seeds[k]]);
        using var test = suite.Full.TestSet();
        var (relUntrained, _) = Score(DiskEvaluation.Of(untrained, test)[0]);
        return (rel < MaxRelativeError && radius < MaxRadiusError && relUntrained >= MaxRelativeError,
            new() { ["relative_error"] = rel, ["max_radius_error_px"] = radius, ["relative_error_untrained"] = relUntrained });
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"relative error {Range(s, "relative_error", "0.0000")} (< {MaxRelativeError}), worst recovered-radius error {Range(s, "max_radius_error_px", "0.00")} px (< {MaxRadiusError}); untrained control {Range(s, "relative_error_untrained", "0.00")}";
}
