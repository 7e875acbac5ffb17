namespace Autoencoders.Data;

/// <summary>The shape families the disk experiments can train on (B1): the paper's disks, and squares and 2:1 ellipses.</summary>
public enum ShapeKind { Disk, Square, Ellipse }

/// <summary>
/// A family of centred, scaled shapes S_s = {x : g(x) ≤ s} with g a gauge (g(λx) = λ g(x) for λ ≥ 0), s ~ U(0, R):
/// the Euclidean norm for disks of radius s, the ∞-norm for squares of half-side s, √(x² + 4y²) for ellipses with
/// semi-axes s (along x) and s/2 (along y). Homogeneity gives the area of every member, |S_s| = A s² (A = π, 4, π/2),
/// and a blur preserves mass, so the size of any image of the family reads off its mass: s = √(Σ pixels / A).
/// </summary>
/// <param name="Gauge">g at a point given relative to the centre.</param>
/// <param name="AreaFactor">A in |S_s| = A s².</param>
public sealed record ShapeFamily(ShapeKind Kind, string Name, Func<double, double, double> Gauge, double AreaFactor, Func<ImageGrid, double, IShape> ShapeOf)
{
    public static ShapeFamily Disks { get; } = new(ShapeKind.Disk, "disks", (x, y) => Math.Sqrt(x * x + y * y), Math.PI,
        (grid, s) => new Disk(grid.Centre, grid.Centre, s));
    /// <summary>Squares of half-side s: the ∞-norm.</summary>
    public static ShapeFamily Squares { get; } = new(ShapeKind.Square, "squares", (x, y) => Math.Max(Math.Abs(x), Math.Abs(y)), 4,
        (grid, s) => new Square(grid.Centre, grid.Centre, 2 * s));
    /// <summary>Ellipses with semi-axes s (along x) and s/2 (along y): g = √(x² + 4y²).</summary>
    public static ShapeFamily Ellipses { get; } = new(ShapeKind.Ellipse, "ellipses 2:1", (x, y) => Math.Sqrt(x * x + 4 * y * y), Math.PI / 2,
        (grid, s) => new Ellipse(grid.Centre, grid.Centre, s, s / 2));

    public static ShapeFamily Of(ShapeKind kind) => kind switch
    {
        ShapeKind.Disk => Disks,
        ShapeKind.Square => Squares,
        ShapeKind.Ellipse => Ellipses,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such shape family"),
    };

    /// <summary>A file-name-safe name ("disks", "squares", "ellipses").</summary>
    public string FileName => Kind switch { ShapeKind.Disk => "disks", ShapeKind.Square => "squares", _ => "ellipses" };

    /// <summary>The size whose member has the image's mass: s = √(Σ pixels / A) (the disk's radius from its area).</summary>
    public double SizeFromMass(float[] image) => Math.Sqrt(Math.Max(0, image.Sum(v => (double)v)) / AreaFactor);

    /// <summary>g at the centre of pixel (i, j) (row i, column j).</summary>
    public double GaugeAt(ImageGrid grid, int i, int j) => Gauge(j - grid.Centre, i - grid.Centre);

    /// <summary>
    /// The profile of an image along the gauge: the mean pixel value over the level-set rings k ≤ g &lt; k + 1, out to
    /// the image's corners (⌈max g⌉ + 1 rings, empty ones 0). For disks this is the radial profile of Eq. 5.
    /// </summary>
    public double[] Profile(float[] image, ImageGrid grid)
    {
        var count = RingCounts(grid);
        var sum = new double[count.Length];
        for (int i = 0; i < grid.Size; i++)
            for (int j = 0; j < grid.Size; j++) sum[(int)GaugeAt(grid, i, j)] += image[i * grid.Size + j];
        return sum.Select((s, k) => count[k] == 0 ? 0 : s / count[k]).ToArray();
    }

    /// <summary>How many pixel centres each ring k ≤ g &lt; k + 1 of <see cref="Profile"/> holds (some are empty: the 2:1 ellipse's first).</summary>
    public int[] RingCounts(ImageGrid grid)
    {
        var count = new int[(int)Math.Ceiling(Gauge(grid.Centre, grid.Centre)) + 1];
        for (int i = 0; i < grid.Size; i++)
            for (int j = 0; j < grid.Size; j++) count[(int)GaugeAt(grid, i, j)]++;
        return count;
    }

    public override string ToString() => Name;
}
