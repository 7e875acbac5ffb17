using Autoencoders.Data;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D1: Monte Carlo disks (Eq. 21) converge to the exact blurred disk, error ∝ 1/√N.</summary>
public sealed class D1DiskConvergence : ClaimCheck
{
    public override string Id => "D1";

    /// <summary>
    /// RMS of MC (N samples) − exact, times √N; constant under a 1/√N law. <paramref name="referenceOffset"/> shifts
    /// the exact disk's radius: a biased reference, whose scaled error grows like √N (the negative control).
    /// </summary>
    public static double ScaledError(ImageGrid grid, double sigma, double r, int n, int seed, double referenceOffset = 0)
    {
        var exact = new ExactRenderer(grid, sigma).Render(Disk.Centred(grid, r + referenceOffset));
        var mc = new MonteCarloRenderer(grid, sigma, n, seed).Render(Disk.Centred(grid, r));
        return Math.Sqrt(mc.Zip(exact, (a, b) => (double)(a - b) * (a - b)).Average()) * Math.Sqrt(n);
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var grid = new ImageGrid(32);
        var random = new Random(context.Budget.BaseSeed);
        var ratios = new List<double>();
        for (int i = 0; i < 6; i++)
        {
            double r = 2 + 14 * random.NextDouble(), sigma = 0.3 + 1.7 * random.NextDouble();
            ratios.Add(ScaledError(grid, sigma, r, 2048, context.Budget.BaseSeed) / ScaledError(grid, sigma, r, 64, context.Budget.BaseSeed));
        }
        // Negative control, required (#16.7): against a reference disk 0.25 px too large the scaled error must grow with
        // N (a bias does not average out), so the ratio must leave the accepted band.
        double control = ScaledError(grid, 1.0, 10, 2048, 7, referenceOffset: 0.25) / ScaledError(grid, 1.0, 10, 64, 7, referenceOffset: 0.25);
        var metrics = new Dictionary<string, double>
        {
            ["min_ratio_sqrtN_rms_2048_over_64"] = ratios.Min(),
            ["max_ratio_sqrtN_rms_2048_over_64"] = ratios.Max(),
            ["control_ratio_biased_reference"] = control,
        };
        bool held = ratios.All(x => x is > 0.5 and < 2.0) && control >= 2.0;
        // Figure: RMS error against N for three disks, with the 1/√N law through the first point.
        int[] ns = [16, 64, 256, 1024, 4096];
        var series = new List<Figures.Series>();
        foreach (var (r, sigma) in new[] { (4.0, 0.5), (10.0, 1.0), (14.0, 2.0) })
        {
            var rms = ns.Select(n => ScaledError(grid, sigma, r, n, context.Budget.BaseSeed) / Math.Sqrt(n)).ToArray();
            series.Add(new($"r = {r}, σ = {sigma}", ns.Select(n => Math.Log10(n)).ToArray(), rms.Select(Math.Log10).ToArray(), Markers: true));
            series.Add(new($"1/√N through N = 16", ns.Select(n => Math.Log10(n)).ToArray(), ns.Select(n => Math.Log10(rms[0] * Math.Sqrt(16.0 / n))).ToArray()));
        }
        var figure = Figures.Lines(context.FigurePath("appA_monte_carlo_convergence.png"),
            "App. A: Monte Carlo disks converge to the exact blurred disk", "log10 N (samples per pixel)", "log10 RMS(MC − exact)", series.ToArray(), ScottPlot.Alignment.UpperRight);
        return new(held, metrics, $"√N·RMS(MC − exact) ratio N=2048/N=64 over 6 random (r, σ): {ratios.Min():0.00}–{ratios.Max():0.00} (1/√N law: 1; accepted 0.5–2); control against a disk 0.25 px too large {control:0.0} (must be ≥ 2)", [figure]);
    }
}
