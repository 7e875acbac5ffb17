using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D8: with f the mean output profile of the bias-free network, z = C⟨f, 1_{B_r}⟩ — proportional, so judged by the
/// residual of the fit through the origin as well as by the correlation (Pearson allows an offset). Control: the
/// same fit with a flat profile, ⟨1, 1_{B_r}⟩ (the disk's area in pixels), must miss the residual bar, or the check
/// could not tell the learned profile from the area.
/// </summary>
public sealed class D8ScalarProduct : DiskClaimCheck<D8ScalarProduct.Seed>
{
    public override string Id => "D8";
    public const double MinCorrelation = 0.995;
    /// <summary>Relative RMS residual of z = C⟨f, 1_B_r⟩ through the origin (set in #16 after seeing 0.005–0.012).</summary>
    public const double MaxResidual = 0.05;

    public sealed record Seed(double Pearson, double C, double RelativeResidual, double AreaPearson, double AreaResidual) : ISeedMeasurement
    {
        public bool ControlMisses => AreaResidual > MaxResidual;
        public bool Held => Math.Abs(Pearson) >= MinCorrelation && RelativeResidual <= MaxResidual;
        public string? FailedControl => ControlMisses ? null : $"the flat profile (the area) fits the code as well (residual {AreaResidual:0.000} ≤ {MaxResidual})";
        public IEnumerable<(string, double)> Metrics() =>
            [("pearson_z_vs_inner_product", Pearson), ("C", C), ("relative_rms_residual", RelativeResidual),
             ("control_flat_profile_pearson", AreaPearson), ("control_flat_profile_residual", AreaResidual)];
    }

    /// <summary>⟨f, 1_{B_r}⟩ at each test radius, f the evaluation's learned profile (or a flat one: the area in pixels).</summary>
    static double[] InnerProducts(DiskEvaluation e, bool flat = false)
    {
        var f = e.LearnedProfile;
        if (flat) f = f.Select(_ => 1.0).ToArray();
        return e.Radii.Select(r => DiskMeasures.DiskInnerProduct(f, r, e.Grid)).ToArray();
    }

    /// <summary>Relative RMS residual of the fit z = C·h through the origin.</summary>
    static double Residual(double[] h, double[] z)
    {
        double c = ThroughOrigin(h, z);
        return Math.Sqrt(h.Zip(z, (a, b) => (b - c * a) * (b - c * a)).Average()) / Math.Sqrt(z.Average(v => v * v));
    }

    /// <summary>C of the least-squares fit z = C·h through the origin.</summary>
    static double ThroughOrigin(double[] h, double[] z) => h.Zip(z, (a, b) => a * b).Sum() / h.Sum(a => a * a);

    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.BiasFree];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = context.Evaluate(suite.BiasFree)[k];
        var h = InnerProducts(e);
        var area = InnerProducts(e, flat: true);
        return new(Fits.Pearson(h, e.Codes), ThroughOrigin(h, e.Codes), Residual(h, e.Codes), Fits.Pearson(area, e.Codes), Residual(area, e.Codes));
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
        $"Pearson(z, ⟨f, 1_B_r⟩) {Range(s, m => m.Pearson, "0.0000")} (|·| ≥ {MinCorrelation}); z = C⟨f, 1_B_r⟩ with C = {Range(s, m => m.C, "0.000e+0")}, relative residual {Range(s, m => m.RelativeResidual, "0.000")} (≤ {MaxResidual}); control, a flat profile (the area): Pearson {Range(s, m => m.AreaPearson, "0.0000")}, residual {Range(s, m => m.AreaResidual, "0.000")} (must exceed {MaxResidual})";
}
