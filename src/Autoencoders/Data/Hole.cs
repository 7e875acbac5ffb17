using System.Globalization;

namespace Autoencoders.Data;

/// <summary>
/// A gap in the training radii (Sec. 4.4): no training disk has a radius in the open interval (Low, High). Every window
/// measured around it is derived here, so the hole is written once: the test radii inside it stay a pixel clear of its
/// edges, those beside it are the four pixels on either side (similar sizes, so similar difficulty), the code's
/// smooth reference is fitted on five pixels either side, and the code is anchored three pixels out.
/// For the paper's hole (11, 18): inside [12, 17], beside [7, 10] and [19, 22], fit on [6, 11] ∪ [18, 23], anchors 8 and 21.
/// </summary>
public sealed record Hole(double Low, double High)
{
    /// <summary>The paper's hole (D11–D15).</summary>
    public static Hole Paper { get; } = new(11, 18);

    /// <summary>A gap of width <paramref name="width"/> centred on <paramref name="centre"/> (B4); width 0 is no gap.</summary>
    public static Hole Around(double centre, double width) =>
        width >= 0 && double.IsFinite(centre) && double.IsFinite(width) ? new(centre - width / 2, centre + width / 2)
        : throw new ArgumentException($"a gap needs a finite centre and a width ≥ 0 (got centre {centre}, width {width})");

    public double Centre => (Low + High) / 2;
    public double Width => High - Low;

    public RadiusWindow Inside => new(Low + 1, High - 1);
    /// <summary>
    /// The middle half of the gap, never narrower than 1 px (B4): defined for every width, w = 0 included, so a sweep
    /// of widths is measured on comparable radii. For (11, 18): [12.75, 16.25].
    /// </summary>
    public RadiusWindow Middle => new(Centre - Math.Max(Width / 4, 0.5), Centre + Math.Max(Width / 4, 0.5));
    public RadiusWindow Below => new(Low - 4, Low - 1);
    public RadiusWindow Above => new(High + 1, High + 4);
    public RadiusWindow FitBelow => new(Low - 5, Low);
    public RadiusWindow FitAbove => new(High, High + 5);
    /// <summary>Radii whose codes anchor the normalised code and the decoded sweep, one on each side.</summary>
    public double AnchorBelow => Low - 3;
    public double AnchorAbove => High + 3;

    /// <summary>Whether r lies in the open gap.</summary>
    public bool Excludes(double r) => r > Low && r < High;

    /// <summary>The full range of the grid without this hole.</summary>
    public RadiusRange TrainingRange(ImageGrid grid) => RadiusRange.WithHole(grid, Low, High);

    /// <summary>"(11, 18)", for captions.</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture, $"({Low:0.##}, {High:0.##})");
}
