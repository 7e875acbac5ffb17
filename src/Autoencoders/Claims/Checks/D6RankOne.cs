using Autoencoders.Report;
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

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = DiskSuite.Evaluate(suite.BiasFree, context.Log)[0];
        var profiles = e.OutputProfiles;
        var t = D9OptimalProfile.RingCentres(profiles[0].Length);
        var series = Enumerable.Range(0, e.Radii.Length).Where(i => i % 9 == 4)
            .Select(i => new Figures.Series($"r = {e.Radii[i]:0.0}", t, profiles[i])).ToArray();
        return [Figures.Lines(FigurePath(context, "fig4_bias_free_profiles.png"), "Fig. 4: radial output profiles without biases, y(t, r) = h(r) f(t)", "radius t (pixels)", "output y(t, r)", series, ScottPlot.Alignment.UpperRight),
                Figures.ImageRows(FigurePath(context, "fig4_bias_free_outputs.png"), "Fig. 4: bias-free autoencoder", [("input", Every(e.Inputs, 8)), ("output", Every(e.Outputs, 8))])];
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"share of σ₁² in the radial output profiles: {Range(s, "rank1_energy_bias_free", "0.00000")} without biases (≥ {MinEnergy}); biased control {Range(s, "control_rank1_energy_biased", "0.000")} (< {ControlMaxEnergy})";
}
