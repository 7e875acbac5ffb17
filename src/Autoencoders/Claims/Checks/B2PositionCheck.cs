using System.Globalization;
using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;
using Autoencoders.Configuration;
using Autoencoders.Runtime;
using TorchSharp;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B2: on CoordConv's own tasks (Not-so-Clevr), plain strided convolutions in the paper's style do what CoordConv
/// reports they cannot: (1) regress a square's centre, (2) render a square at a given centre, (3) encode and decode it
/// through a code of size 2 that charts the position. Each task trains plain and CoordConv networks on the tier's seeds
/// (<see cref="Configuration.CoordinateBudget"/>). Per seed the plain network holds when it meets every bar of the
/// tier's tasks; the share of trained seeds that hold, with its Clopper–Pearson interval, against 0.5, is the verdict
/// of one split: <see cref="B2PlainConvolutionPosition"/> (B2, the uniform split: interpolation) and
/// <see cref="B2QuadrantPosition"/> (B2Q, the quadrant split: extrapolation). The CoordConv networks' share is reported
/// beside it with its interval. A tier that does not run every task can decide that the plain networks fail (a seed
/// fails on any bar), not that they hold. Negative controls (asserted): the same networks untrained meet no bar, and
/// neither does a memoriser that answers each test centre with the nearest training position (the within-1-px bar
/// must not be reachable without interpolating).
/// </summary>
public abstract class B2PositionCheck : ClaimCheck
{
    /// <summary>Per-seed bars (spec/claims.md, B2): P4's 1 px, an IoU that allows about half a pixel of misplacement, D2's error.</summary>
    public const double MinWithinPixel = 0.95, MinIoU = 0.9, MaxRelativeError = D2Reconstruction.MaxRelativeError;

    /// <summary>The split this check judges.</summary>
    protected abstract NotSoClevrSplit Split { get; }

    /// <summary>
    /// The share of test centres whose prediction rounds to the centre itself (|Δx|, |Δy| &lt; ½): the quantity of
    /// CoordConv's classification accuracy (one class per pixel), reported beside our 1 px bar.
    /// </summary>
    public static double ExactPixel(CoordinateRegressionExperiment.Evaluation e) =>
        e.TestCentres.Where((c, k) => Math.Abs(e.Predicted[k].X - c.X) < 0.5 && Math.Abs(e.Predicted[k].Y - c.Y) < 0.5).Count() / (double)e.TestCentres.Length;

    /// <summary>
    /// The memorising baseline: each test centre answered with the nearest of the <paramref name="training"/>
    /// positions. Returns the share within 1 px and the share in the centre's own pixel (|Δx|, |Δy| &lt; ½).
    /// </summary>
    public static (double WithinPixel, double ExactPixel) NearestTrainingPosition(IReadOnlyList<(int X, int Y)> test, IReadOnlyList<(double X, double Y)> training)
    {
        if (test.Count == 0 || training.Count == 0) throw new ArgumentException("the memorising baseline needs test centres and training positions");
        int within = 0, exact = 0;
        foreach (var c in test)
        {
            double best = double.PositiveInfinity;
            (double X, double Y) nearest = default;
            foreach (var t in training)
            {
                double d = (t.X - c.X) * (t.X - c.X) + (t.Y - c.Y) * (t.Y - c.Y);
                if (d < best) { best = d; nearest = t; }
            }
            if (best <= 1) within++;
            if (Math.Abs(nearest.X - c.X) < 0.5 && Math.Abs(nearest.Y - c.Y) < 0.5) exact++;
        }
        return (within / (double)test.Count, exact / (double)test.Count);
    }

    /// <summary>One network kind (plain or CoordConv) on one split: every task's evaluation per seed.</summary>
    public sealed record Networks(NotSoClevrSplit Split, bool CoordConv, int[] Seeds,
        CoordinateRegressionExperiment.Evaluation[] Regression,
        CoordinateRenderingExperiment.Evaluation[]? Rendering,
        CoordinateAutoencoderExperiment.Evaluation[]? Autoencoder)
    {
        /// <summary>The same networks untrained (the negative control), reported beside the trained ones.</summary>
        public Networks? Control { get; init; }
        public string Name => CoordConv ? "CoordConv" : "plain";
        public bool Trained(int k) => Regression[k].Trainability.Trained && Rendering?[k].Trainability.Trained != false && Autoencoder?[k].Trainability.Trained != false;
        public bool Held(int k) => Regression[k].WithinPixel >= MinWithinPixel
            && (Rendering is null || Rendering[k].MeanIoU >= MinIoU)
            && (Autoencoder is null || (Autoencoder[k].RelativeError < MaxRelativeError && Autoencoder[k].ChartWithinPixel >= MinWithinPixel));

        public Evidence Rate(string decider)
        {
            int trained = Seeds.Where((_, k) => Trained(k)).Count(), held = Seeds.Where((_, k) => Trained(k) && Held(k)).Count();
            return Evidence.Rate($"share of trained seeds in which the {Name} networks meet every bar ({Split.ToString().ToLowerInvariant()} split)", held, trained, Seeds.Length, Evidence.MostRuns, decider);
        }

        public IEnumerable<(string, double)> Metrics()
        {
            string p = $"{Split.ToString().ToLowerInvariant()}.{Name.ToLowerInvariant()}";
            for (int k = 0; k < Seeds.Length; k++)
            {
                string s = $"[seed{Seeds[k]}]";
                yield return ($"{p}.regression_within_1px{s}", Regression[k].WithinPixel);
                yield return ($"{p}.regression_mean_error_px{s}", Regression[k].MeanError);
                yield return ($"{p}.regression_exact_pixel{s}", ExactPixel(Regression[k]));
                yield return ($"{p}.regression_unexplained_share{s}", Regression[k].Trainability.Relative);
                if (Rendering is not null)
                {
                    yield return ($"{p}.rendering_mean_iou{s}", Rendering[k].MeanIoU);
                    yield return ($"{p}.rendering_relative_error{s}", Rendering[k].MeanRelativeError);
                    yield return ($"{p}.rendering_unexplained_share{s}", Rendering[k].Trainability.Relative);
                }
                if (Autoencoder is not null)
                {
                    yield return ($"{p}.autoencoder_relative_error{s}", Autoencoder[k].RelativeError);
                    yield return ($"{p}.autoencoder_chart_within_1px{s}", Autoencoder[k].ChartWithinPixel);
                    yield return ($"{p}.autoencoder_local_chart_within_1px{s}", Autoencoder[k].LocalChartWithinPixel);
                    yield return ($"{p}.autoencoder_unexplained_share{s}", Autoencoder[k].Trainability.Relative);
                }
                yield return ($"{p}.held{s}", Held(k) ? 1 : 0);
                if (Control is { } c)
                {
                    yield return ($"{p}.control_regression_within_1px{s}", c.Regression[k].WithinPixel);
                    if (c.Rendering is not null) yield return ($"{p}.control_rendering_mean_iou{s}", c.Rendering[k].MeanIoU);
                    if (c.Autoencoder is not null)
                    {
                        yield return ($"{p}.control_autoencoder_relative_error{s}", c.Autoencoder[k].RelativeError);
                        yield return ($"{p}.control_autoencoder_chart_within_1px{s}", c.Autoencoder[k].ChartWithinPixel);
                        yield return ($"{p}.control_autoencoder_local_chart_within_1px{s}", c.Autoencoder[k].LocalChartWithinPixel);
                    }
                }
            }
        }

        public string Describe()
        {
            string R(Func<int, double> f, string format) => SeedRange.Of(Enumerable.Range(0, Seeds.Length), f, format);
            var parts = new List<string> { $"regression within 1 px {R(k => Regression[k].WithinPixel, "0.00")} (mean error {R(k => Regression[k].MeanError, "0.00")} px)" };
            if (Rendering is not null) parts.Add($"rendering IoU {R(k => Rendering[k].MeanIoU, "0.00")}");
            if (Autoencoder is not null) parts.Add($"autoencoder error {R(k => Autoencoder[k].RelativeError, "0.000")}, chart within 1 px {R(k => Autoencoder[k].ChartWithinPixel, "0.00")} (local chart, reported: {R(k => Autoencoder[k].LocalChartWithinPixel, "0.00")})");
            if (Control is { } c) parts.Add($"untrained control: regression within 1 px ≤ {c.Regression.Max(r => r.WithinPixel):0.00}");
            return $"{Name}: {string.Join(", ", parts)}";
        }
    }

    /// <summary>The tier's experiments for one split and network kind.</summary>
    protected static (CoordinateRegressionExperiment Regression, CoordinateRenderingExperiment? Rendering, CoordinateAutoencoderExperiment? Autoencoder) Experiments(ClaimContext context, NotSoClevrSplit split, bool coordConv)
    {
        var b = context.Budget.Coordinates;
        var seeds = context.Budget.Seeds(b.Seeds);
        int dataSeed = context.Budget.BaseSeed + 1;
        return (new CoordinateRegressionExperiment(split, coordConv, seeds, b.RegressionSteps, b.Batch, Width: b.RegressionWidth, DataSeed: dataSeed),
            b.Rendering ? new CoordinateRenderingExperiment(split, coordConv, seeds, b.DecoderSteps, b.Batch, Width: b.DecoderWidth, DataSeed: dataSeed) : null,
            b.Autoencoder ? new CoordinateAutoencoderExperiment(split, coordConv, seeds, b.DecoderSteps, b.Batch, Width: b.DecoderWidth, DataSeed: dataSeed) : null);
    }

    static Networks MeasureNetworks(ClaimContext context, NotSoClevrSplit split, bool coordConv)
    {
        var (regression, rendering, autoencoder) = Experiments(context, split, coordConv);
        var networks = new Networks(split, coordConv, regression.Seeds, context.Get(new CoordinateRegressionEvaluations(regression)),
            rendering is null ? null : context.Get(new CoordinateRenderingEvaluations(rendering)),
            autoencoder is null ? null : context.Get(new CoordinateAutoencoderEvaluations(autoencoder)));
        // The negative control: the same networks untrained must meet no bar (else the bars cannot tell training from none).
        // Built on the CPU and moved where the trained ones run: their evaluation sends its inputs to the runtime device.
        using var untrainedEncoder = regression.Network();
        untrainedEncoder.Initialise(regression.Seeds, 0);
        untrainedEncoder.to(TorchRuntime.Device);
        using var untrainedRenderer = rendering?.Network();
        untrainedRenderer?.Initialise(rendering!.Seeds, 0);
        untrainedRenderer?.to(TorchRuntime.Device);
        using var untrainedAutoencoder = autoencoder?.Network();
        untrainedAutoencoder?.to(TorchRuntime.Device);
        var controls = new Networks(split, coordConv, regression.Seeds, regression.Evaluate(untrainedEncoder),
            untrainedRenderer is null ? null : rendering!.Evaluate(untrainedRenderer), untrainedAutoencoder is null ? null : autoencoder!.Evaluate(untrainedAutoencoder));
        var met = new List<string>();
        for (int k = 0; k < controls.Seeds.Length; k++)
        {
            if (controls.Regression[k].WithinPixel >= MinWithinPixel) met.Add($"regression within 1 px {controls.Regression[k].WithinPixel:0.00}");
            if (controls.Rendering?[k].MeanIoU >= MinIoU) met.Add($"rendering IoU {controls.Rendering[k].MeanIoU:0.00}");
            if (controls.Autoencoder?[k] is { } a && (a.RelativeError < MaxRelativeError || a.ChartWithinPixel >= MinWithinPixel)) met.Add($"autoencoder error {a.RelativeError:0.000}, chart {a.ChartWithinPixel:0.00}");
        }
        if (met.Count > 0) throw new InvalidOperationException($"negative control failed: untrained {networks.Name} networks ({split} split) meet a bar: {string.Join("; ", met)}");
        return networks with { Control = controls };
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var b = context.Budget.Coordinates;
        string key = Split.ToString().ToLowerInvariant();
        if (!b.Splits.Contains(Split))
            throw new ClaimSkippedException($"the {context.Tier.Name()} tier runs B2 on the {string.Join(", ", b.Splits.Select(s => s.ToString().ToLowerInvariant()))} split only; the {key} split runs from the Experiment tier");
        var metrics = new Dictionary<string, double>();
        var plain = MeasureNetworks(context, Split, coordConv: false);
        var coordConv = MeasureNetworks(context, Split, coordConv: true);
        var plainRate = plain.Rate(context.MoreSeeds);
        var coordConvRate = coordConv.Rate(context.MoreSeeds);
        foreach (var n in new[] { plain, coordConv })
            foreach (var (name, value) in n.Metrics()) metrics[name] = value;
        foreach (var (name, e) in new[] { ("plain", plainRate), ("coordconv", coordConvRate) })
        {
            metrics[$"{key}.{name}.estimate"] = e.Interval.Estimate;
            metrics[$"{key}.{name}.interval_lower"] = e.Interval.Lower;
            metrics[$"{key}.{name}.interval_upper"] = e.Interval.Upper;
            metrics[$"{key}.{name}.runs_trained"] = e.Trained;
        }

        // The memorising control: the bar must not be reachable by answering with the nearest training position.
        var regression = Experiments(context, Split, coordConv: false).Regression;
        var memoriser = NearestTrainingPosition(NotSoClevr.TestCentres(Split, regression.DataSeed),
            NotSoClevr.ContinuousTrainingPositions(Split, regression.Images, regression.DataSeed));
        metrics[$"{key}.memoriser_within_1px"] = memoriser.WithinPixel;
        metrics[$"{key}.memoriser_exact_pixel"] = memoriser.ExactPixel;
        if (memoriser.WithinPixel >= MinWithinPixel)
            throw new InvalidOperationException($"negative control failed: the nearest of {regression.Images} training positions is within 1 px of {memoriser.WithinPixel:0.000} of the {key} split's test centres, at or above the bar {MinWithinPixel}: the bar cannot tell interpolation from memorising");

        var summaryRows = new List<Figures.IntervalRow>();
        foreach (var n in new[] { plain, coordConv })
        {
            // Nearest CoordConv's published accuracy: the share of test centres located within 1 px and in their own
            // pixel, means over trained seeds with bootstrap intervals over seeds.
            var trained = Enumerable.Range(0, n.Seeds.Length).Where(n.Trained).ToArray();
            if (trained.Length == 0) continue;
            foreach (var (label, share) in new (string, Func<CoordinateRegressionExperiment.Evaluation, double>)[] { ("within 1 px", r => r.WithinPixel), ("own pixel", ExactPixel) })
            {
                var i = Analysis.Intervals.Bootstrap(trained.Select(k => share(n.Regression[k])).ToArray(), s => s.Average());
                // Only the within-1-px share is judged against the bar; the own-pixel share is drawn without one.
                summaryRows.Add(new($"ours {n.Name}\n{label}", i.Estimate, i.Lower, i.Upper, label == "within 1 px" ? MinWithinPixel : double.NaN, $"{trained.Length} seeds"));
            }
        }
        summaryRows.Add(new("memoriser\nwithin 1 px", memoriser.WithinPixel, memoriser.WithinPixel, memoriser.WithinPixel, MinWithinPixel, "nearest training position"));

        var figures = new List<string>();
        figures.AddRange(DrawErrorMaps(context, plain, coordConv));
        if (plain.Rendering is not null) figures.Add(DrawRenderings(context, Split));
        figures.Add(DrawAgainstPublished(context, Split, summaryRows));

        var notRun = new List<string>();
        if (!b.Rendering) notRun.Add("rendering (from the Experiment tier)");
        if (!b.Autoencoder) notRun.Add("the autoencoder with d = 2 (the Gpu tier)");
        var tasks = "regression" + (b.Rendering ? ", rendering" : "") + (b.Autoencoder ? ", autoencoder d = 2" : "");
        string summary = $"{key} split ({(Split == NotSoClevrSplit.Uniform ? "interpolation" : "extrapolation to the held-out quadrant, where CoordConv reports convolution's starkest failure")}); tasks at this tier: {tasks}; " +
            $"bars per seed: regression ≥ {MinWithinPixel} within 1 px, rendering IoU ≥ {MinIoU}, autoencoder error < {MaxRelativeError} and chart ≥ {MinWithinPixel} within 1 px. " +
            $"{plain.Describe()}; {coordConv.Describe()}; memorising control (nearest training position): within 1 px {memoriser.WithinPixel:0.000}, own pixel {memoriser.ExactPixel:0.000}; " +
            $"own pixel (CoordConv's accuracy): plain {Range(plain)}, CoordConv {Range(coordConv)}; CoordConv networks: {coordConvRate}";
        return new(true, metrics, summary, figures, plainRate, notRun.Count == 0 ? null
            : $"{string.Join(" and ", notRun)}; a seed must meet every task's bar, so this tier can show the plain networks fail, not that they hold");
    }

    /// <summary>The own-pixel share's range over the trained seeds.</summary>
    static string Range(Networks n)
    {
        var v = n.Regression.Where((_, k) => n.Trained(k)).Select(ExactPixel).ToArray();
        return v.Length == 0 ? "no seed trained" : SeedRange.Of(v, "0.00");
    }

    /// <summary>The regression error at every test centre of the first seed, per network kind: where on the canvas each fails.</summary>
    static IEnumerable<string> DrawErrorMaps(ClaimContext context, params Networks[] kinds)
    {
        int n = NotSoClevr.MaxCentre - NotSoClevr.MinCentre + 1;
        foreach (var net in kinds)
        {
            var map = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) map[i, j] = double.NaN;
            var e = net.Regression[0];
            var errors = e.Errors;
            for (int t = 0; t < e.TestCentres.Length; t++)
                map[e.TestCentres[t].Y - NotSoClevr.MinCentre, e.TestCentres[t].X - NotSoClevr.MinCentre] = double.IsFinite(errors[t]) ? Math.Min(errors[t], 5) : 5; // a non-finite prediction is an error, not a blank
            string split = net.Split.ToString().ToLowerInvariant();
            yield return Figures.PositionMap(context.FigurePath($"b2_regression_error_{split}_{net.Name.ToLowerInvariant()}.png"),
                $"B2: {net.Name} encoder, {split} split, seed {net.Seeds[0]}\nerror at each test centre (white: training centres)", "error (px, capped at 5)", map, NotSoClevr.MinCentre);
        }
    }

    /// <summary>A strip of squares rendered at test centres of the split by the first seed's plain and CoordConv decoders.</summary>
    static string DrawRenderings(ClaimContext context, NotSoClevrSplit split)
    {
        var test = NotSoClevr.TestCentres(split, context.Budget.BaseSeed + 1);
        var picks = Enumerable.Range(0, 8).Select(i => test[i * test.Length / 8]).Select(c => ((double)c.X, (double)c.Y)).ToArray();
        var rows = new List<(string, float[][])> { ("truth", picks.Select(c => NotSoClevr.Square(c.Item1, c.Item2)).ToArray()) };
        foreach (bool coordConv in new[] { false, true })
        {
            var rendering = Experiments(context, split, coordConv).Rendering!;
            rows.Add((coordConv ? "CoordConv" : "plain", CoordinateRenderingExperiment.Render(context.Get(rendering).Model, picks)[0]));
        }
        string name = split.ToString().ToLowerInvariant();
        return Figures.ImageRows(context.FigurePath($"b2_renderings_{name}.png"), $"B2: squares rendered at test centres, {name} split ({string.Join(", ", picks.Select(c => $"({c.Item1}, {c.Item2})"))})", rows);
    }

    /// <summary>
    /// Ours (shares of test centres located within 1 px and in their own pixel, means over trained seeds with their
    /// intervals) and the memorising control beside CoordConv's published test accuracies for supervised coordinate
    /// classification on this split (spec/claims.md, B2: conv ≈ 0.86 uniform, ≈ 0 quadrant; CoordConv 1.0 on both;
    /// from third-party summaries of the paper's Fig. 3, which was not reachable here), drawn without an interval.
    /// </summary>
    static string DrawAgainstPublished(ClaimContext context, NotSoClevrSplit split, List<Figures.IntervalRow> ours)
    {
        string name = split.ToString().ToLowerInvariant();
        var published = new List<Figures.IntervalRow>
        {
            split == NotSoClevrSplit.Uniform ? new("Liu et al. conv\n(as summarised)", 0.86, 0.86, 0.86, double.NaN, "classification")
                : new("Liu et al. conv\n(as summarised)", 0.0, 0.0, 0.0, double.NaN, "classification"),
            new("Liu et al. CoordConv\n(as summarised)", 1.0, 1.0, 1.0, double.NaN, "classification"),
        };
        return Figures.Intervals(context.FigurePath($"b2_against_coordconv_{name}.png"), $"B2, {name} split: test centres located (our regression) beside CoordConv's published accuracy (their classification task)",
            "share of test centres", [.. ours, .. published]);
    }
}
