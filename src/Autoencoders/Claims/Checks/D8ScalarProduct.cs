using Autoencoders.Report;
using Autoencoders.Analysis;
using Autoencoders.Experiments;

namespace Autoencoders.Claims.Checks;

/// <summary>D8: with f the mean output profile of the bias-free network, z = C⟨f, 1_{B_r}⟩.</summary>
public sealed class D8ScalarProduct : DiskClaimCheck
{
    public override string Id => "D8";
    public const double MinCorrelation = 0.995;

    /// <summary>The learned profile f: the mean of the bias-free outputs' radial profiles, each scaled to unit peak.</summary>
    public static double[] LearnedProfile(DiskEvaluation e)
    {
        var rows = e.OutputProfiles.Where(p => p.Max(Math.Abs) > 1e-6).Select(p => { double peak = p.MaxBy(Math.Abs); return p.Select(v => v / peak).ToArray(); }).ToArray();
        return Enumerable.Range(0, rows[0].Length).Select(t => rows.Average(r => r[t])).ToArray();
    }

    protected override (bool, Dictionary<string, double>) MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = DiskSuite.Evaluate(suite.BiasFree, context.Log)[k];
        var f = LearnedProfile(e);
        var h = e.Radii.Select(r => DiskMeasures.DiskInnerProduct(f, r, e.Grid)).ToArray();
        double corr = Fits.Pearson(h, e.Codes);
        double c = h.Zip(e.Codes, (a, b) => a * b).Sum() / h.Sum(a => a * a); // least squares through the origin
        double residual = Math.Sqrt(h.Zip(e.Codes, (a, b) => (b - c * a) * (b - c * a)).Average()) / Math.Sqrt(e.Codes.Average(z => z * z));
        return (Math.Abs(corr) >= MinCorrelation, new() { ["pearson_z_vs_inner_product"] = corr, ["C"] = c, ["relative_rms_residual"] = residual });
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var series = new List<Figures.Series>();
        foreach (var (e, seed) in DiskSuite.Evaluate(suite.BiasFree, context.Log).Zip(suite.BiasFree.Seeds))
        {
            var f = LearnedProfile(e);
            var h = e.Radii.Select(r => DiskMeasures.DiskInnerProduct(f, r, e.Grid)).ToArray();
            double c = h.Zip(e.Codes, (a, b) => a * b).Sum() / h.Sum(a => a * a);
            series.Add(new($"seed {seed}", h.Select(v => c * v).ToArray(), e.Codes, Markers: true));
        }
        double max = series.Max(s => s.X.Max());
        series.Add(new("z = C⟨f, 1_B_r⟩", [0, max], [0, max]));
        return [Figures.Lines(FigurePath(context, "fig11_code_vs_scalar_product.png"), "Fig. 11: code z against C⟨f, 1_B_r⟩ (no biases)", "C⟨f, 1_B_r⟩", "code z", series.ToArray())];
    }

    protected override string Describe(IReadOnlyList<Dictionary<string, double>> s) =>
        $"Pearson(z, ⟨f, 1_B_r⟩) {Range(s, "pearson_z_vs_inner_product", "0.0000")} (|·| ≥ {MinCorrelation}); z = C⟨f, 1_B_r⟩ with C = {Range(s, "C", "0.000e+0")}, relative residual {Range(s, "relative_rms_residual", "0.000")}";
}
