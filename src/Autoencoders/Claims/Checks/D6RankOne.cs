using Autoencoders.Analysis;
using Autoencoders.Experiments;

namespace Autoencoders.Claims.Checks;

/// <summary>D6: without biases the outputs over radii are y(t, r) = h(r) f(t): radial profiles form a rank-1 matrix.</summary>
public sealed class D6RankOne : DiskClaimCheck
{
    public override string Id => "D6";
    public const double MinEnergy = 0.999, ControlMaxEnergy = 0.99;

    protected override (bool, Dictionary<string, double>) MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        double free = Fits.RankOneEnergy(DiskSuite.Evaluate(suite.BiasFree, context.Log)[k].OutputProfiles);
        double biased = Fits.RankOneEnergy(DiskSuite.Evaluate(suite.Full, context.Log)[k].OutputProfiles);
        return (free >= MinEnergy && biased < ControlMaxEnergy, new() { ["rank1_energy_bias_free"] = free, ["control_rank1_energy_biased"] = biased });
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"share of σ₁² in the radial output profiles: {Range(s, "rank1_energy_bias_free", "0.00000")} without biases (≥ {MinEnergy}); biased control {Range(s, "control_rank1_energy_biased", "0.000")} (< {ControlMaxEnergy})";
}
