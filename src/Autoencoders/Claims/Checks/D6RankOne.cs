using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D6: without biases the outputs over radii are y(t, r) = h(r) f(t): radial profiles form a rank-1 matrix.</summary>
public sealed class D6RankOne : DiskClaimCheck<D6RankOne.Seed>
{
    public override string Id => "D6";
    public const double MinEnergy = 0.999, ControlMaxEnergy = 0.99;

    public sealed record Seed(double BiasFreeEnergy, double ControlBiasedEnergy) : ISeedMeasurement
    {
        public bool Held => BiasFreeEnergy >= MinEnergy;
        public string? FailedControl => ControlBiasedEnergy < ControlMaxEnergy ? null : $"the biased network's outputs are rank 1 too (σ₁² share {ControlBiasedEnergy:0.0000} ≥ {ControlMaxEnergy})";
        public IEnumerable<(string, double)> Metrics() => [("rank1_energy_bias_free", BiasFreeEnergy), ("control_rank1_energy_biased", ControlBiasedEnergy)];
    }

    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.BiasFree, suite.Full];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context) =>
        new(Fits.RankOneEnergy(context.Evaluate(suite.BiasFree)[k].OutputProfiles), Fits.RankOneEnergy(context.Evaluate(suite.Full)[k].OutputProfiles));

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = context.Evaluate(suite.BiasFree)[0];
        var profiles = e.OutputProfiles;
        var t = RadialProfiles.RingCentres(profiles[0].Length);
        var series = Enumerable.Range(0, e.Radii.Length).Where(i => i % 9 == 4)
            .Select(i => new Figures.Series($"r = {e.Radii[i]:0.0}", t, profiles[i])).ToArray();
        return [Figures.Lines(context.FigurePath("fig4_bias_free_profiles.png"), $"Fig. 4: output profiles without biases, y(t, r) = h(r) f(t) ({suite.BiasFree.Family.Name})", suite.BiasFree.Shape == Data.ShapeKind.Disk ? "radius t (pixels)" : "gauge t (pixels)", "output y(t, r)", series, ScottPlot.Alignment.UpperRight),
                Figures.ImageRows(context.FigurePath("fig4_bias_free_outputs.png"), $"Fig. 4: bias-free autoencoder ({suite.BiasFree.Family.Name})", [("input", Every(e.Inputs, 8)), ("output", Every(e.Outputs, 8))])];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"share of σ₁² in the radial output profiles: {Range(s, m => m.BiasFreeEnergy, "0.00000")} without biases (≥ {MinEnergy}); biased control {Range(s, m => m.ControlBiasedEnergy, "0.000")} (< {ControlMaxEnergy})";
}
