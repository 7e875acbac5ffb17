using TorchSharp;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B1's two free parameters (reported beside B1's verdict, not in it): ellipses with semi-axes (a, b) and a code of
/// size d = 2. Per seed: reconstruction (D2's bar) and whether the code is a chart of (a, b) (a cubic fit recovers ≥ 95%
/// of the held-out semi-axes within 1 px), with |corr| of each code coordinate with a, b and the area πab; the share
/// of trained seeds that meet both bars with its Clopper–Pearson interval. Negative control (asserted): the same
/// networks untrained meet neither bar.
/// </summary>
public static class EllipseChartPart
{
    public const double MaxRelativeError = D2Reconstruction.MaxRelativeError, MinChartShare = 0.95;

    public sealed record Result(IReadOnlyDictionary<string, double> Metrics, string Summary, IReadOnlyList<string> Figures, Evidence Evidence);

    public static EllipseChartExperiment Experiment(ClaimContext context)
    {
        var b = context.Budget.Shapes.Chart ?? throw new ClaimSkippedException($"the {context.Tier} tier trains no d = 2 ellipses");
        return new EllipseChartExperiment(context.Budget.Seeds(b.Seeds), b.Steps, b.Batch, context.Budget.Disks.Sigma, DataSeed: context.Budget.BaseSeed + 1);
    }

    static bool Meets(EllipseChartExperiment.Evaluation e) => e.RelativeError < MaxRelativeError && e.ChartWithinPixel >= MinChartShare;

    public static Result Measure(ClaimContext context)
    {
        var training = Experiment(context);
        var runs = context.Get(new EllipseChartEvaluations(training));
        using var untrained = new Models.Autoencoder(training.Config, training.Seeds);
        untrained.to(Runtime.TorchRuntime.Device); // its evaluation sends the images there
        var controls = training.Evaluate(untrained, context.Store);
        var failed = controls.Select((c, k) => (c, k)).Where(p => p.c.RelativeError < MaxRelativeError || p.c.ChartWithinPixel >= MinChartShare).ToArray();
        if (failed.Length > 0)
            throw new InvalidOperationException($"negative control failed: untrained d = 2 ellipse network of seed {training.Seeds[failed[0].k]} has relative error {failed[0].c.RelativeError:0.000}, chart {failed[0].c.ChartWithinPixel:0.00}");
        var metrics = new Dictionary<string, double>();
        for (int k = 0; k < runs.Length; k++)
        {
            var (r, s) = (runs[k], $"[seed{training.Seeds[k]}]");
            metrics[$"relative_error{s}"] = r.RelativeError;
            metrics[$"chart_within_1px{s}"] = r.ChartWithinPixel;
            metrics[$"chart_median_error_px{s}"] = Median(r.ChartErrors);
            for (int j = 0; j < 2; j++)
            {
                metrics[$"abs_corr_z{j + 1}_a{s}"] = r.CorrA[j];
                metrics[$"abs_corr_z{j + 1}_b{s}"] = r.CorrB[j];
                metrics[$"abs_corr_z{j + 1}_area{s}"] = r.CorrArea[j];
            }
            metrics[$"unexplained_share{s}"] = r.Trainability.Relative;
            metrics[$"control_relative_error{s}"] = controls[k].RelativeError;
            metrics[$"control_chart_within_1px{s}"] = controls[k].ChartWithinPixel;
        }
        int trained = runs.Count(r => r.Trainability.Trained), held = runs.Count(r => r.Trainability.Trained && Meets(r));
        var evidence = Evidence.Rate("share of trained seeds that reconstruct and chart (a, b)", held, trained, runs.Length, Evidence.MostRuns, context.MoreSeeds);
        string R(Func<EllipseChartExperiment.Evaluation, double> f, string format) => SeedRange.Of(runs, f, format);
        string summary = $"relative error {R(r => r.RelativeError, "0.0000")} (< {MaxRelativeError}); (a, b) read back within 1 px for {R(r => r.ChartWithinPixel, "0.00")} of the 100 held-out ellipses " +
            $"(≥ {MinChartShare}; median error {R(r => Median(r.ChartErrors), "0.00")} px); |corr| of z₁ with a, b, area {R(r => r.CorrA[0], "0.00")}, {R(r => r.CorrB[0], "0.00")}, {R(r => r.CorrArea[0], "0.00")}, " +
            $"of z₂ {R(r => r.CorrA[1], "0.00")}, {R(r => r.CorrB[1], "0.00")}, {R(r => r.CorrArea[1], "0.00")}; untrained control {controls.Min(c => c.RelativeError):0.00}–{controls.Max(c => c.RelativeError):0.00}, chart ≤ {controls.Max(c => c.ChartWithinPixel):0.00}. {evidence}";
        return new(metrics, summary, [Draw(context, training)], evidence);
    }

    /// <summary>The code of the held-out grid of (a, b), one line per fixed a and per fixed b: a deformed grid when z charts (a, b).</summary>
    static string Draw(ClaimContext context, EllipseChartExperiment training)
    {
        var model = context.Get(training).Model;
        var codes = EllipseChartExperiment.Pass(model, context.Get(new EllipseChartImages(training)).Test).Codes[0]; // model 0, the held-out grid
        int p = EllipseChartExperiment.TestPerAxis;
        double Z(int i, int j) => j == 0 ? codes[i].Item1 : codes[i].Item2;
        var series = new List<Figures.Series>();
        for (int row = 0; row < p; row++)
        {
            var fixedA = Enumerable.Range(0, p).Select(c => row * p + c).ToArray();
            var fixedB = Enumerable.Range(0, p).Select(c => c * p + row).ToArray();
            series.Add(new(row == 0 ? "fixed a" : "", fixedA.Select(i => Z(i, 0)).ToArray(), fixedA.Select(i => Z(i, 1)).ToArray()));
            series.Add(new(row == 0 ? "fixed b" : "", fixedB.Select(i => Z(i, 0)).ToArray(), fixedB.Select(i => Z(i, 1)).ToArray()));
        }
        return Figures.Lines(context.FigurePath("b1_ellipses_ab_chart.png"), $"B1: code z = (z₁, z₂) of held-out ellipses (a, b) ∈ (4, 30)² (seed {training.Seeds[0]})",
            "z₁", "z₂", series.ToArray());
    }

    static double Median(double[] v) => MathNet.Numerics.Statistics.Statistics.Median(v);
}
