using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D8: with f the mean output profile of the bias-free network, z = C⟨f, 1_{B_r}⟩.</summary>
public sealed class D8ScalarProduct : DiskClaimCheck<D8ScalarProduct.Seed>
{
    public override string Id => "D8";
    public const double MinCorrelation = 0.995;

    public sealed record Seed(double Pearson, double C, double RelativeResidual) : ISeedMeasurement
    {
        public bool Held => Math.Abs(Pearson) >= MinCorrelation;
        public IEnumerable<(string, double)> Metrics() => [("pearson_z_vs_inner_product", Pearson), ("C", C), ("relative_rms_residual", RelativeResidual)];
    }

    /// <summary>⟨f, 1_{B_r}⟩ at each test radius, f the evaluation's learned profile.</summary>
    static double[] InnerProducts(DiskEvaluation e)
    {
        var f = e.LearnedProfile;
        return e.Radii.Select(r => DiskMeasures.DiskInnerProduct(f, r, e.Grid)).ToArray();
    }

    /// <summary>C of the least-squares fit z = C·h through the origin.</summary>
    static double ThroughOrigin(double[] h, double[] z) => h.Zip(z, (a, b) => a * b).Sum() / h.Sum(a => a * a);

    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.BiasFree];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = context.Evaluate(suite.BiasFree)[k];
        var h = InnerProducts(e);
        double c = ThroughOrigin(h, e.Codes);
        double residual = Math.Sqrt(h.Zip(e.Codes, (a, b) => (b - c * a) * (b - c * a)).Average()) / Math.Sqrt(e.Codes.Average(z => z * z));
        return new(Fits.Pearson(h, e.Codes), c, residual);
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var series = new List<Figures.Series>();
        foreach (var (e, seed) in context.Evaluate(suite.BiasFree).Zip(suite.BiasFree.Seeds))
        {
            var h = InnerProducts(e);
            double c = ThroughOrigin(h, e.Codes);
            series.Add(new($"seed {seed}", h.Select(v => c * v).ToArray(), e.Codes, Markers: true));
        }
        double max = series.Max(s => s.X.Max());
        series.Add(new("z = C⟨f, 1_B_r⟩", [0, max], [0, max]));
        return [Figures.Lines(context.FigurePath("fig11_code_vs_scalar_product.png"), "Fig. 11: code z against C⟨f, 1_B_r⟩ (no biases)", "C⟨f, 1_B_r⟩", "code z", series.ToArray())];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"Pearson(z, ⟨f, 1_B_r⟩) {Range(s, m => m.Pearson, "0.0000")} (|·| ≥ {MinCorrelation}); z = C⟨f, 1_B_r⟩ with C = {Range(s, m => m.C, "0.000e+0")}, relative residual {Range(s, m => m.RelativeResidual, "0.000")}";
}
