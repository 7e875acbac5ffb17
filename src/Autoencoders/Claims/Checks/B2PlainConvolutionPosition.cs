using System.Globalization;
using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B2: on CoordConv's own tasks (Not-so-Clevr), plain strided convolutions in the paper's style do what CoordConv
/// reports they cannot: (1) regress a square's centre, (2) render a square at a given centre, (3) encode and decode it
/// through a code of size 2 that charts the position. Each task trains plain and CoordConv networks on the tier's seeds
/// (<see cref="Configuration.CoordinateBudget"/>). Per seed the plain network holds when it meets every bar of the
/// tier's tasks; per split the share of trained seeds that hold, with its Clopper–Pearson interval, against 0.5. The
/// uniform split (interpolation) is the verdict line; the quadrant split (extrapolation) and the CoordConv networks are
/// reported beside it with their intervals. Negative control (asserted): the same networks untrained meet no bar.
/// </summary>
public sealed class B2PlainConvolutionPosition : ClaimCheck
{
    public override string Id => "B2";
    /// <summary>Per-seed bars (spec/claims.md, B2): P4's 1 px, an IoU that allows about half a pixel of misplacement, D2's error.</summary>
    public const double MinWithinPixel = 0.95, MinIoU = 0.9, MaxRelativeError = D2Reconstruction.MaxRelativeError;

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
                    }
                }
            }
        }

        public string Describe()
        {
            string R(Func<int, double> f, string format) => Seeds.Length == 1 ? f(0).ToString(format, CultureInfo.InvariantCulture)
                : $"{Enumerable.Range(0, Seeds.Length).Min(f).ToString(format, CultureInfo.InvariantCulture)}–{Enumerable.Range(0, Seeds.Length).Max(f).ToString(format, CultureInfo.InvariantCulture)}";
            var parts = new List<string> { $"regression within 1 px {R(k => Regression[k].WithinPixel, "0.00")} (mean error {R(k => Regression[k].MeanError, "0.00")} px)" };
            if (Rendering is not null) parts.Add($"rendering IoU {R(k => Rendering[k].MeanIoU, "0.00")}");
            if (Autoencoder is not null) parts.Add($"autoencoder error {R(k => Autoencoder[k].RelativeError, "0.000")}, chart within 1 px {R(k => Autoencoder[k].ChartWithinPixel, "0.00")}");
            if (Control is { } c) parts.Add($"untrained control: regression within 1 px ≤ {c.Regression.Max(r => r.WithinPixel):0.00}");
            return $"{Name}: {string.Join(", ", parts)}";
        }
    }

    /// <summary>The tier's experiments for one split and network kind.</summary>
    static (CoordinateRegressionExperiment Regression, CoordinateRenderingExperiment? Rendering, CoordinateAutoencoderExperiment? Autoencoder) Experiments(ClaimContext context, NotSoClevrSplit split, bool coordConv)
    {
        var b = context.Budget.Coordinates;
        var seeds = context.Budget.Seeds(b.Seeds);
        int dataSeed = context.Budget.BaseSeed + 1;
        return (new CoordinateRegressionExperiment(split, coordConv, seeds, b.RegressionSteps, b.Batch, Width: b.RegressionWidth, DataSeed: dataSeed),
            b.Rendering ? new CoordinateRenderingExperiment(split, coordConv, seeds, b.DecoderSteps, b.Batch, Width: b.DecoderWidth, DataSeed: dataSeed) : null,
            b.Autoencoder ? new CoordinateAutoencoderExperiment(split, coordConv, seeds, b.DecoderSteps, b.Batch, Width: b.DecoderWidth, DataSeed: dataSeed) : null);
    }

    static Networks Measure(ClaimContext context, NotSoClevrSplit split, bool coordConv)
    {
        var (regression, rendering, autoencoder) = Experiments(context, split, coordConv);
        var networks = new Networks(split, coordConv, regression.Seeds, context.Get(new CoordinateRegressionEvaluations(regression)),
            rendering is null ? null : context.Get(new CoordinateRenderingEvaluations(rendering)),
            autoencoder is null ? null : context.Get(new CoordinateAutoencoderEvaluations(autoencoder)));
        // The negative control: the same networks untrained must meet no bar (else the bars cannot tell training from none).
        using var untrainedEncoder = regression.Network();
        untrainedEncoder.Initialise(regression.Seeds, 0);
        using var untrainedRenderer = rendering?.Network();
        untrainedRenderer?.Initialise(rendering!.Seeds, 0);
        using var untrainedAutoencoder = autoencoder?.Network();
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
        var metrics = new Dictionary<string, double>();
        var figures = new List<string>();
        var lines = new List<string>();
        Evidence? verdict = null;
        var summaryRows = new List<Figures.IntervalRow>();
        foreach (var split in b.Splits)
        {
            var plain = Measure(context, split, coordConv: false);
            var coordConv = Measure(context, split, coordConv: true);
            var plainRate = plain.Rate(context.MoreSeeds);
            var coordConvRate = coordConv.Rate(context.MoreSeeds);
            foreach (var n in new[] { plain, coordConv })
                foreach (var (name, value) in n.Metrics()) metrics[name] = value;
            string key = split.ToString().ToLowerInvariant();
            foreach (var (name, e) in new[] { ("plain", plainRate), ("coordconv", coordConvRate) })
            {
                metrics[$"{key}.{name}.estimate"] = e.Interval.Estimate;
                metrics[$"{key}.{name}.interval_lower"] = e.Interval.Lower;
                metrics[$"{key}.{name}.interval_upper"] = e.Interval.Upper;
                metrics[$"{key}.{name}.runs_trained"] = e.Trained;
            }
            foreach (var n in new[] { plain, coordConv })
            {
                // The quantity nearest CoordConv's published accuracy: the share of test centres regressed within 1 px,
                // its mean over seeds with a bootstrap interval over seeds, against the per-seed bar.
                var shares = n.Regression.Select(r => r.WithinPixel).ToArray();
                var i = Analysis.Intervals.Bootstrap(shares, s => s.Average());
                summaryRows.Add(new($"ours {n.Name}\n{key}", i.Estimate, i.Lower, i.Upper, MinWithinPixel, $"{shares.Length} seeds"));
            }
            lines.Add($"{key} split — {plain.Describe()}; {coordConv.Describe()}; plain: {plainRate}; CoordConv: {coordConvRate}");
            if (split == NotSoClevrSplit.Uniform) verdict = plainRate;
            else lines[^1] += $" (the quadrant split's outcome for plain networks: {OutcomeLabel(plainRate.Outcome)}; CoordConv's starkest report, about 0% for convolution, is on this split, which the verdict line does not judge)";
            figures.AddRange(DrawErrorMaps(context, plain, coordConv));
            if (plain.Rendering is not null) figures.Add(DrawRenderings(context, split));
        }
        figures.Add(DrawAgainstPublished(context, summaryRows));
        var tasks = "regression" + (b.Rendering ? ", rendering" : "") + (b.Autoencoder ? ", autoencoder d = 2" : "");
        return new(true, metrics, $"tasks at this tier: {tasks}; bars per seed: regression ≥ {MinWithinPixel} within 1 px, rendering IoU ≥ {MinIoU}, autoencoder error < {MaxRelativeError} and chart ≥ {MinWithinPixel} within 1 px. " +
            string.Join(". ", lines), figures, verdict ?? throw new InvalidOperationException("B2's verdict line is the uniform split, which this tier does not run"));
    }

    static string OutcomeLabel(Outcome o) => o switch { Outcome.Held => "holds", Outcome.NotHeld => "does not hold", _ => "undecided" };

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
                map[e.TestCentres[t].Y - NotSoClevr.MinCentre, e.TestCentres[t].X - NotSoClevr.MinCentre] = Math.Min(errors[t], 5);
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
    /// Ours (the share of test centres regressed within 1 px, mean over seeds with its interval) beside CoordConv's
    /// published test accuracies for supervised coordinate classification (spec/claims.md, B2: conv ≈ 0.86 uniform,
    /// ≈ 0 quadrant; CoordConv 1.0 on both), a single number each, drawn without an interval: the nearest published quantity.
    /// </summary>
    static string DrawAgainstPublished(ClaimContext context, List<Figures.IntervalRow> ours)
    {
        var published = new List<Figures.IntervalRow>
        {
            new("Liu et al. conv\nuniform", 0.86, 0.86, 0.86, MinWithinPixel, "classification"),
            new("Liu et al. conv\nquadrant", 0.0, 0.0, 0.0, MinWithinPixel, "classification"),
            new("Liu et al. CoordConv\nboth splits", 1.0, 1.0, 1.0, MinWithinPixel, "classification"),
        };
        return Figures.Intervals(context.FigurePath("b2_against_coordconv.png"), "B2: test centres located within 1 px (our regression) beside CoordConv's published accuracy (their classification task)",
            "share of test centres", [.. ours, .. published]);
    }
}
