using System.Globalization;
using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Report;
using Autoencoders.Training;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B4: how wide a gap in the training radii must be before the autoencoder stops reconstructing the disks in it.
/// Measures every cell of the tier's sweep (<see cref="GapSweep"/>) with D11's quantities, finds the critical width
/// w* per centre and setting (<see cref="CriticalWidth"/>), asserts the no-gap control, and judges the widest width
/// at D11's centre, unregularised, against D11's bar (spec/claims.md, B4).
/// </summary>
public sealed class B4GapWidth : ClaimCheck
{
    public override string Id => "B4";
    /// <summary>D11's bar: the error in the gap at least twice the error beside it.</summary>
    public const double Bar = D11Hole.MinErrorRatio;
    /// <summary>Radii below this are left out of the beside windows: every network draws the smallest disks worst.</summary>
    public const double SmallestBesideRadius = 2;

    /// <summary>One seed of one cell.</summary>
    /// <param name="NoGapError">The same seed's w = 0 network (it saw every radius) on this gap's middle window.</param>
    /// <param name="NoGapBesideError">That network on this gap's beside windows (the control: its ratio must stay below the bar).</param>
    /// <param name="Trained">The cell's run and its w = 0 run both trained (the one rule).</param>
    public sealed record SeedMeasure(int Seed, double GapError, double BesideError, double NoGapError, double NoGapBesideError, double UnexplainedShare, bool Trained)
    {
        public double Ratio => GapError / BesideError;
        public double RatioToNoGap => GapError / NoGapError;
        /// <summary>The control's ratio: the network that saw every radius, measured on this cell's windows.</summary>
        public double NoGapRatio => NoGapError / NoGapBesideError;
    }

    public sealed record Cell(GapCell Key, SeedMeasure[] Seeds)
    {
        public double[] TrainedRatios => Seeds.Where(s => s.Trained).Select(s => s.Ratio).ToArray();
        public int TrainedCount => Seeds.Count(s => s.Trained);
        /// <summary>Median ρ over the seeds that trained, with its bootstrap interval: this decides.</summary>
        public Interval Ratio => TrainedCount == 0 ? new(double.NaN, double.NegativeInfinity, double.PositiveInfinity, "no seed trained") : CriticalWidth.MedianRatio(TrainedRatios);
        public Interval RatioOverAllRuns => CriticalWidth.MedianRatio(Seeds.Select(s => s.Ratio).ToArray());
        /// <summary>The control's median ratio over the seeds that count (NaN when none does).</summary>
        public double NoGapRatioMedian => TrainedCount == 0 ? double.NaN : Seeds.Where(s => s.Trained).Select(s => s.NoGapRatio).Median();
        public string State => Ratio.Lower >= Bar ? "fails" : Ratio.Upper < Bar ? "interpolates" : "undecided";
    }

    /// <summary>One centre and setting across the widths (ascending).</summary>
    public sealed record Row(double Centre, Regulariser Psi, Cell[] Cells)
    {
        public double[] Widths => Cells.Select(c => c.Key.Width).ToArray();
        public double? CriticalWidthValue => CriticalWidth.FirstFailing(Widths, Cells.Select(c => c.Ratio).ToArray(), Bar);
        /// <summary>The crossing width (median ρ reaches the bar) with its interval, over the seeds trained in every cell, resampled together across widths.</summary>
        public Interval CrossingWidth
        {
            get
            {
                var seeds = Enumerable.Range(0, Cells[0].Seeds.Length).Where(k => Cells.All(c => c.Seeds[k].Trained)).ToArray();
                return CriticalWidth.Crossing(Widths, seeds.Select(k => Cells.Select(c => c.Seeds[k].Ratio).ToArray()).ToArray(), Bar);
            }
        }
        public string Name => string.Create(CultureInfo.InvariantCulture, $"c = {Centre:0.##}, {Psi.PaperName()}");
        public string Key => string.Create(CultureInfo.InvariantCulture, $"c{Centre:0.##}_{Psi.FileName()}").Replace('.', 'p');
    }

    /// <summary>Mean relative error over the gap's middle window (<see cref="Hole.Middle"/>).</summary>
    public static double GapError(DiskEvaluation e, Hole gap) => e.MeanRelativeError(gap.Middle);

    /// <summary>Mean of the two beside windows' errors (D11's), radii below <see cref="SmallestBesideRadius"/> left out.</summary>
    public static double BesideError(DiskEvaluation e, Hole gap)
    {
        var below = new RadiusWindow(Math.Max(gap.Below.Lo, SmallestBesideRadius), gap.Below.Hi);
        return below.IndicesIn(e.Radii).Length == 0 ? e.MeanRelativeError(gap.Above) : (e.MeanRelativeError(below) + e.MeanRelativeError(gap.Above)) / 2;
    }

    /// <summary>Every cell of the tier measured, as rows (centre, setting) of cells by width.</summary>
    public static Row[] MeasureSweep(ClaimContext context)
    {
        var budget = context.Budget;
        var widths = budget.Gaps.Widths;
        if (widths.Length == 0 || widths[0] != 0) throw new InvalidOperationException("B4's sweep must start at width 0: it is the control every width is compared with");
        var seeds = GapSweep.Seeds(budget);
        Cell MeasureCell(GapCell cell)
        {
            var training = GapSweep.Training(budget, cell);
            var noGap = GapSweep.Training(budget, cell.NoGap);
            var (e, e0) = (context.Evaluate(training), context.Evaluate(noGap));
            var (t, t0) = (context.Trainability(training), context.Trainability(noGap));
            return new Cell(cell, Enumerable.Range(0, seeds.Length).Select(k => new SeedMeasure(seeds[k], GapError(e[k], cell.Gap), BesideError(e[k], cell.Gap),
                GapError(e0[k], cell.Gap), BesideError(e0[k], cell.Gap), Math.Max(t[k].Relative, t0[k].Relative), t[k].Trained && t0[k].Trained)).ToArray());
        }
        return (from psi in GapSweep.Settings(budget)
                from c in budget.Gaps.Centres
                select new Row(c, psi, widths.Select(w => MeasureCell(new GapCell(c, w, psi))).ToArray())).ToArray();
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var rows = MeasureSweep(context);
        AssertControl(rows);
        var judged = rows.Single(r => r.Centre == Hole.Paper.Centre && r.Psi == Regulariser.None);
        var widest = judged.Cells[^1];
        var evidence = Evidence.Continuous(string.Create(CultureInfo.InvariantCulture, $"median error ratio, gap / beside, at the widest gap (w = {widest.Key.Width:0.##}, {judged.Name})"),
            widest.Ratio, widest.RatioOverAllRuns, Bar, paperSideAbove: true, widest.TrainedCount, widest.Seeds.Length, context.MoreSeeds);
        return new(true, Metrics(rows), Describe(rows), Draw(rows, context), evidence);
    }

    /// <summary>
    /// The negative control: the network that saw every radius (w = 0), measured on each width's own gap and beside
    /// windows, has a median ratio below the bar for every width of every row, or the measure sees a failure where
    /// there is no gap and cannot tell one from its own noise (B4 is then FAIL). A cell where no seed counts has no
    /// control to read (and no seed for the verdict either).
    /// </summary>
    public static void AssertControl(IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            if (row.Cells[0].Key.Width != 0) throw new ArgumentException($"the first cell of {row.Name} has width {row.Cells[0].Key.Width}, not 0 (the control)");
            foreach (var cell in row.Cells.Where(c => c.TrainedCount > 0))
                if (!(cell.NoGapRatioMedian < Bar))
                    throw new InvalidOperationException($"negative control failed: the network with no gap ({row.Name}) measured on the windows of width {cell.Key.Width} has median error ratio {cell.NoGapRatioMedian:0.00} ≥ {Bar}");
        }
    }

    static Dictionary<string, double> Metrics(Row[] rows)
    {
        var metrics = new Dictionary<string, double>();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"{row.Key}_w{cell.Key.Width:0.##}").Replace('.', 'p');
                metrics[$"ratio_median[{key}]"] = cell.Ratio.Estimate;
                metrics[$"ratio_lower[{key}]"] = cell.Ratio.Lower;
                metrics[$"ratio_upper[{key}]"] = cell.Ratio.Upper;
                metrics[$"seeds_trained[{key}]"] = cell.TrainedCount;
                metrics[$"control_ratio_median[{key}]"] = cell.NoGapRatioMedian;
                foreach (var s in cell.Seeds)
                {
                    metrics[$"gap_error[{key}_seed{s.Seed}]"] = s.GapError;
                    metrics[$"beside_error[{key}_seed{s.Seed}]"] = s.BesideError;
                    metrics[$"ratio[{key}_seed{s.Seed}]"] = s.Ratio;
                    metrics[$"ratio_to_no_gap[{key}_seed{s.Seed}]"] = s.RatioToNoGap;
                    metrics[$"control_ratio[{key}_seed{s.Seed}]"] = s.NoGapRatio;
                    metrics[$"unexplained_share[{key}_seed{s.Seed}]"] = s.UnexplainedShare;
                }
            }
            var crossing = row.CrossingWidth;
            metrics[$"critical_width[{row.Key}]"] = row.CriticalWidthValue ?? double.PositiveInfinity;
            metrics[$"crossing_width[{row.Key}]"] = crossing.Estimate;
            metrics[$"crossing_width_lower[{row.Key}]"] = crossing.Lower;
            metrics[$"crossing_width_upper[{row.Key}]"] = crossing.Upper;
        }
        return metrics;
    }

    static string Width(double w) => double.IsPositiveInfinity(w) ? "none" : double.IsNegativeInfinity(w) ? "−∞" : w.ToString("0.##", CultureInfo.InvariantCulture);

    static string Describe(Row[] rows) => string.Join("; ", rows.Select(row =>
    {
        var cells = string.Join(", ", row.Cells.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"w {c.Key.Width:0.##}: ρ {c.Ratio.Estimate:0.00} [{c.Ratio.Lower:0.00}, {c.Ratio.Upper:0.00}] {c.State}")));
        var wi = row.CrossingWidth;
        string critical = row.CriticalWidthValue is double w
            ? $"w* = {Width(w)}"
            : $"w* > {Width(row.Widths[^1])} (no width's interval clears {Bar})";
        string range = double.IsInfinity(wi.Lower) && double.IsInfinity(wi.Upper) && wi.Lower < 0
            ? "one seed: no interval"
            : $"crossing width, where the median reaches {Bar}: {Width(wi.Estimate)}, bootstrap [{Width(wi.Lower)}, {Width(wi.Upper)}]";
        return $"{row.Name} ({row.Cells[0].Seeds.Length} seed{(row.Cells[0].Seeds.Length > 1 ? "s" : "")}): {cells}; {critical} ({range})";
    }));

    static List<string> Draw(Row[] rows, ClaimContext context)
    {
        var budget = context.Budget;
        var panels = GapSweep.Settings(budget).Select(psi => (Title: $"B4: gap / beside error ratio, {psi.PaperName()}",
            Bands: rows.Where(r => r.Psi == psi).Select(r => new Figures.Band(string.Create(CultureInfo.InvariantCulture, $"centre {r.Centre:0.##}"), r.Widths,
                r.Cells.Select(c => c.Ratio.Estimate).ToArray(), r.Cells.Select(c => c.Ratio.Lower).ToArray(), r.Cells.Select(c => c.Ratio.Upper).ToArray())).ToArray())).ToArray();
        var figures = new List<string>
        {
            Figures.BandPanels(context.FigurePath("b4_phase_diagram.png"), "gap width w (px)", "median error ratio ρ (band: 95% interval; red: bar 2)", panels, Bar,
                budget.Gaps.Widths.Select(w => (w, Width(w))).ToArray()),
        };
        // The strip: the first seed's reconstructions across the gap at D11's centre, the widest width that interpolates
        // (or 0) against the critical width (or the widest).
        var judged = rows.Single(r => r.Centre == Hole.Paper.Centre && r.Psi == Regulariser.None);
        double above = judged.CriticalWidthValue ?? judged.Widths[^1];
        double below = judged.Cells.Where(c => c.Key.Width < above).Select(c => c.Key.Width).DefaultIfEmpty(0).Max();
        var strip = new List<(string, float[][])>();
        float[][]? inputs = null;
        foreach (var w in new[] { below, above })
        {
            var cell = new GapCell(judged.Centre, w, Regulariser.None);
            var e = context.Evaluate(GapSweep.Training(budget, cell))[0];
            var gap = Hole.Around(judged.Centre, above);
            var picks = Enumerable.Range(0, e.Radii.Length).Where(i => e.Radii[i] >= gap.Low - 3 && e.Radii[i] <= gap.High + 3).Where((_, j) => j % 2 == 0).ToArray();
            inputs ??= picks.Select(i => e.Inputs[i]).ToArray();
            strip.Add((string.Create(CultureInfo.InvariantCulture, $"output, gap width {w:0.##}"), picks.Select(i => e.Outputs[i]).ToArray()));
        }
        strip.Insert(0, ("input", inputs!));
        figures.Add(Figures.ImageRows(context.FigurePath("b4_gap_strip.png"),
            string.Create(CultureInfo.InvariantCulture, $"B4: test disks r ∈ [{judged.Centre - above / 2 - 3:0.#}, {judged.Centre + above / 2 + 3:0.#}] across a gap centred at {judged.Centre:0.##}, seed {judged.Cells[0].Seeds[0].Seed}"), strip));
        return figures;
    }
}
