using ScottPlot;

namespace Autoencoders.Report;

/// <summary>
/// The one figure helper: line/scatter plots and image strips, saved as PNG (ScottPlot 5, headless). Sans-serif
/// font (DejaVu Sans), labelled axes, a legend whenever there is more than one series.
/// </summary>
public static class Figures
{
    public sealed record Series(string Name, double[] X, double[] Y, bool Markers = false);

    static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        return plot;
    }

    /// <summary>
    /// Lines (or markers) y(x), one per series; optional dashed vertical marks (e.g. the edges of a hole); optional
    /// labelled ticks on x (an axis that counts seeds or layers gets integer ticks, not 1.2, 1.4, …).
    /// </summary>
    public static string Lines(string path, string title, string xLabel, string yLabel, Series[] series, Alignment legend = Alignment.UpperLeft, double[]? marks = null,
        IReadOnlyList<(double Position, string Label)>? xTicks = null)
    {
        var plot = NewPlot(title);
        foreach (var x in marks ?? [])
        {
            var line = plot.Add.VerticalLine(x);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
        }
        foreach (var s in series)
        {
            var sc = plot.Add.Scatter(s.X, s.Y);
            sc.LegendText = s.Name;
            sc.MarkerSize = s.Markers ? 5 : 0;
            sc.LineWidth = s.Markers ? 0 : 2;
        }
        if (xTicks is not null) plot.Axes.Bottom.SetTicks(xTicks.Select(t => t.Position).ToArray(), xTicks.Select(t => t.Label).ToArray());
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Length > 1) plot.ShowLegend(legend);
        return Save(plot, path, 800, 500);
    }

    /// <summary>A line with a shaded band around it (an estimate and its interval at each x).</summary>
    public sealed record Band(string Name, double[] X, double[] Y, double[] Lower, double[] Upper);

    /// <summary>
    /// Panels side by side, each with lines and their shaded interval bands, one colour per band name (the same name is
    /// the same colour in every panel), a dashed horizontal bar, and shared y limits so the panels compare. Unbounded
    /// ends of a band (one seed has no interval) are drawn to the edge of the plot.
    /// </summary>
    public static string BandPanels(string path, string xLabel, string yLabel, IReadOnlyList<(string Title, Band[] Bands)> panels, double bar,
        IReadOnlyList<(double Position, string Label)>? xTicks = null)
    {
        var finite = panels.SelectMany(p => p.Bands).SelectMany(b => b.Y.Concat(b.Lower).Concat(b.Upper)).Where(double.IsFinite).Append(bar).ToArray();
        double top = finite.Max() * 1.1 + 0.1, bottom = Math.Min(0, finite.Min());
        var names = panels.SelectMany(p => p.Bands).Select(b => b.Name).Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var multiplot = new Multiplot();
        multiplot.RemovePlot(multiplot.GetPlot(0));
        foreach (var (title, bands) in panels)
        {
            var plot = NewPlot(title);
            var line = plot.Add.HorizontalLine(bar);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Red;
            foreach (var b in bands)
            {
                var colour = palette.GetColor(names.IndexOf(b.Name));
                double Clip(double v) => double.IsNaN(v) ? bar : Math.Clamp(v, bottom, top);
                var fill = plot.Add.FillY(b.X, b.Lower.Select(Clip).ToArray(), b.Upper.Select(Clip).ToArray());
                fill.FillColor = colour.WithAlpha(0.2);
                fill.LineColor = colour.WithAlpha(0);
                var sc = plot.Add.Scatter(b.X, b.Y.Select(Clip).ToArray());
                sc.Color = colour;
                sc.LineWidth = 2;
                sc.MarkerSize = 6;
                sc.LegendText = b.Name;
            }
            if (xTicks is not null) plot.Axes.Bottom.SetTicks(xTicks.Select(t => t.Position).ToArray(), xTicks.Select(t => t.Label).ToArray());
            plot.Axes.SetLimitsY(bottom, top);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            if (bands.Length > 1) plot.ShowLegend(Alignment.UpperLeft);
            multiplot.AddPlot(plot);
        }
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        multiplot.SavePng(path, 600 * panels.Count, 500);
        return path;
    }

    /// <summary>Integer ticks at each of <paramref name="values"/> (seeds, layers).</summary>
    public static (double, string)[] IntegerTicks(IEnumerable<int> values) => values.Select(v => ((double)v, v.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    /// <summary>Rows of square grey-level images (row-major m×m arrays), each row labelled, as one mosaic.</summary>
    public static string ImageRows(string path, string title, IReadOnlyList<(string Label, float[][] Images)> rows)
    {
        int m = (int)Math.Round(Math.Sqrt(rows[0].Images[0].Length)), gap = Math.Max(2, m / 16);
        int columns = rows.Max(r => r.Images.Length);
        var mosaic = new double[rows.Count * (m + gap), columns * (m + gap)];
        for (int i = 0; i < mosaic.GetLength(0); i++) for (int j = 0; j < mosaic.GetLength(1); j++) mosaic[i, j] = double.NaN;
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < rows[r].Images.Length; c++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++)
                        mosaic[r * (m + gap) + i, c * (m + gap) + j] = Math.Clamp(rows[r].Images[c][i * m + j], 0, 1);
        var plot = NewPlot(title + "\nrows, top to bottom: " + string.Join(" / ", rows.Select(r => r.Label)));
        var heatmap = plot.Add.Heatmap(mosaic);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        plot.HideGrid();
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.SquareUnits(); // pixels stay square: disks must look round
        int cell = 96;
        return Save(plot, path, 60 + columns * cell, 70 + rows.Count * cell);
    }

    /// <summary>
    /// Signals as a grey-level map: row i is <paramref name="rows"/>[i] (samples along x, from 0), drawn at height
    /// <paramref name="rowValues"/>[i] (increasing upwards), each row scaled to its own maximum (as in Fig. 10).
    /// </summary>
    public static string Heatmap(string path, string title, string xLabel, string yLabel, double[] rowValues, float[][] rows)
    {
        int n = rows[0].Length;
        var grid = new double[rows.Length, n];
        for (int i = 0; i < rows.Length; i++)
        {
            double max = rows[i].Max();
            for (int j = 0; j < n; j++) grid[rows.Length - 1 - i, j] = max > 0 ? Math.Max(0, rows[i][j]) / max : 0; // row 0 of the grid is drawn on top
        }
        var plot = NewPlot(title);
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, rowValues.Min(), rowValues.Max());
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.HideGrid();
        return Save(plot, path, 700, 700);
    }

    /// <summary>
    /// A value per position of a square grid of centres (B2's 56 × 56 Not-so-Clevr centres), as a colour map with its
    /// scale: <paramref name="values"/>[row y, column x], NaN (a training centre) drawn white; y increases upwards (the
    /// images' rows run downwards: the map is the canvas mirrored top to bottom).
    /// </summary>
    public static string PositionMap(string path, string title, string scaleLabel, double[,] values, int firstCentre)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var plot = NewPlot(title);
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        heatmap.FlipVertically = true;
        heatmap.Rectangle = new CoordinateRect(firstCentre - 0.5, firstCentre + columns - 0.5, firstCentre - 0.5, firstCentre + rows - 0.5);
        plot.Add.ColorBar(heatmap).Label = scaleLabel;
        plot.XLabel("centre x (px)");
        plot.YLabel("centre y (px)");
        plot.HideGrid();
        plot.Axes.SquareUnits();
        return Save(plot, path, 760, 700);
    }

    /// <summary>One claim's estimate with its interval and its bar, for <see cref="Intervals"/>.</summary>
    public sealed record IntervalRow(string Label, double Estimate, double Lower, double Upper, double Bar, string Verdict)
    {
        /// <summary>A second bar below the first, for a quantity judged against a band (B3's rate changes, ±0.25); none when NaN.</summary>
        public double LowerBar { get; init; } = double.NaN;
    }

    /// <summary>
    /// Estimates (dots) with their 95% intervals (vertical bars) against each claim's bar (a short dashed line; none where
    /// the bar is NaN, a number reported beside the judged ones), one column per claim labelled with its id and verdict:
    /// the figure of the verdicts judged over runs.
    /// </summary>
    public static string Intervals(string path, string title, string yLabel, IReadOnlyList<IntervalRow> rows, string legend = "dot: estimate, blue: 95% interval, red: bar")
    {
        var plot = NewPlot(title);
        // An unbounded interval (no trained run, a spread of zero) is drawn to the top of the plot.
        double top = rows.SelectMany(r => new[] { r.Estimate, r.Lower, r.Upper, r.Bar, r.LowerBar }).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.2 + 0.1;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i] with { Upper = double.IsFinite(rows[i].Upper) ? rows[i].Upper : top, Lower = double.IsFinite(rows[i].Lower) ? rows[i].Lower : -top };
            var interval = plot.Add.Scatter(new double[] { i, i }, new[] { r.Lower, r.Upper });
            interval.LineWidth = 3;
            interval.MarkerSize = 0;
            interval.Color = Colors.SteelBlue;
            var estimate = plot.Add.Scatter(new double[] { i }, new[] { double.IsFinite(r.Estimate) ? r.Estimate : double.IsFinite(r.Bar) ? r.Bar : 0 });
            estimate.MarkerSize = 9;
            estimate.Color = Colors.Black;
            // A reported number beside the judged ones has no bar of its own (NaN).
            foreach (double level in new[] { r.Bar, r.LowerBar }.Where(double.IsFinite))
            {
                var bar = plot.Add.Scatter(new[] { i - 0.3, i + 0.3 }, new[] { level, level });
                bar.LinePattern = LinePattern.Dashed;
                bar.LineWidth = 2;
                bar.MarkerSize = 0;
                bar.Color = Colors.Red;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => $"{r.Label}\n{r.Verdict}").ToArray());
        plot.Axes.SetLimitsX(-0.7, rows.Count - 0.3);
        plot.XLabel(legend);
        plot.YLabel(yLabel);
        return Save(plot, path, Math.Max(700, 140 * rows.Count + 120), 500);
    }

    static string Save(Plot plot, string path, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, width, height);
        return path;
    }
}
