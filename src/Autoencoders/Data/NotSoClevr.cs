using static TorchSharp.torch;

namespace Autoencoders.Data;

/// <summary>CoordConv's two ways of holding out test positions (B2).</summary>
public enum NotSoClevrSplit
{
    /// <summary>Each centre is a test centre with probability 1/4 (interpolation between training positions).</summary>
    Uniform,
    /// <summary>The centres with x ≥ 33 and y ≥ 33 are the test centres (extrapolation to an unseen quadrant).</summary>
    Quadrant,
}

/// <summary>
/// CoordConv's Not-so-Clevr images (Liu et al., NeurIPS 2018; B2): one 9 × 9 square on a 64 × 64 canvas, its centre
/// at integer pixels 4 … 59 on each axis (56 × 56 positions), the square wholly inside. Rendered exactly: a pixel's
/// value is the area of it the square covers, a product over the two axes of the overlap of [j − ½, j + ½] with
/// [c − 4.5, c + 4.5] (the <see cref="ImageGrid"/> convention: pixel (i, j) is the unit square centred at (j, i)).
/// An integer centre gives a 0/1 block; a sub-pixel centre (continuous training positions, P4's finding) gives the
/// exact partial coverage, whose centroid is the centre.
/// </summary>
public static class NotSoClevr
{
    public const int Canvas = 64, Side = 9;
    public const int MinCentre = Side / 2, MaxCentre = Canvas - 1 - Side / 2;

    /// <summary>Every integer centre (x, y), x and y in MinCentre … MaxCentre, row by row.</summary>
    public static IReadOnlyList<(int X, int Y)> Centres { get; } =
        (from y in Enumerable.Range(MinCentre, MaxCentre - MinCentre + 1) from x in Enumerable.Range(MinCentre, MaxCentre - MinCentre + 1) select (x, y)).ToArray();

    /// <summary>The image [canvas × canvas, row-major] of the side × side square centred at (cx, cy).</summary>
    public static float[] Square(double cx, double cy, int canvas = Canvas, int side = Side)
    {
        double half = side / 2.0;
        if (canvas < 1 || side < 1 || side > canvas) throw new ArgumentException($"a {side}-px square does not fit a {canvas}-px canvas");
        foreach (var c in new[] { cx, cy })
            if (!double.IsFinite(c) || c < half - 0.5 || c > canvas - 0.5 - half)
                throw new ArgumentException($"centre ({cx}, {cy}) puts the {side}-px square outside the {canvas}-px canvas (each coordinate in [{half - 0.5}, {canvas - 0.5 - half}])");
        var along = (double c) => Enumerable.Range(0, canvas).Select(j => Math.Max(0, Math.Min(j + 0.5, c + half) - Math.Max(j - 0.5, c - half))).ToArray();
        double[] ux = along(cx), uy = along(cy);
        var image = new float[canvas * canvas];
        for (int i = 0; i < canvas; i++)
            for (int j = 0; j < canvas; j++) image[i * canvas + j] = (float)(uy[i] * ux[j]);
        return image;
    }

    /// <summary>The share of test centres of the uniform split (CoordConv's released code: 0.25).</summary>
    public const double UniformTestShare = 0.25;

    /// <summary>The first coordinate of the quadrant split's test centres, on both axes (the code's x/64 &gt; 0.5).</summary>
    public const int QuadrantStart = 33;

    /// <summary>Whether each of <see cref="Centres"/> is a test centre of <paramref name="split"/> (the uniform draw seeded by <paramref name="seed"/>).</summary>
    public static bool[] IsTest(NotSoClevrSplit split, int seed)
    {
        var random = new Random(StableSeed.Of(seed, "not-so-clevr/uniform"));
        return Centres.Select(c => split switch
        {
            NotSoClevrSplit.Uniform => random.NextDouble() < UniformTestShare,
            NotSoClevrSplit.Quadrant => c.X >= QuadrantStart && c.Y >= QuadrantStart,
            _ => throw new ArgumentOutOfRangeException(nameof(split)),
        }).ToArray();
    }

    public static (int X, int Y)[] TestCentres(NotSoClevrSplit split, int seed)
    {
        var test = IsTest(split, seed);
        return Centres.Where((_, k) => test[k]).ToArray();
    }

    public static (int X, int Y)[] TrainingCentres(NotSoClevrSplit split, int seed)
    {
        var test = IsTest(split, seed);
        return Centres.Where((_, k) => !test[k]).ToArray();
    }

    /// <summary>
    /// Continuous training positions (P4's finding): a training centre drawn uniformly plus an offset uniform in
    /// [−½, ½)² clamped to the canvas's centres. Each lies in the unit cell of a training centre, so none sits on a test
    /// centre; in the quadrant split none enters the held-out quadrant beyond its edge's half pixel.
    /// </summary>
    public static (double X, double Y)[] ContinuousTrainingPositions(NotSoClevrSplit split, int count, int seed)
    {
        var train = TrainingCentres(split, seed);
        var random = new Random(StableSeed.Of(seed, $"not-so-clevr/positions/{split}"));
        return Enumerable.Range(0, count).Select(_ =>
        {
            var c = train[random.Next(train.Length)];
            double Jitter(int v) => Math.Clamp(v + random.NextDouble() - 0.5, MinCentre, MaxCentre);
            return (Jitter(c.X), Jitter(c.Y));
        }).ToArray();
    }

    /// <summary>The images of squares at <paramref name="centres"/>: [N, canvas, canvas] on the CPU.</summary>
    public static Tensor Images(IReadOnlyList<(double X, double Y)> centres)
    {
        var pixels = new float[centres.Count * Canvas * Canvas];
        Parallel.For(0, centres.Count, new ParallelOptions { MaxDegreeOfParallelism = Runtime.TorchRuntime.Threads },
            k => Square(centres[k].X, centres[k].Y).CopyTo(pixels, k * Canvas * Canvas));
        return tensor(pixels, [centres.Count, Canvas, Canvas]);
    }

    /// <summary>A centre coordinate as the networks see it: u = (c − 4)/55 ∈ [0, 1].</summary>
    public static double Code(double c) => (c - MinCentre) / (MaxCentre - MinCentre);

    /// <summary>Centres as the networks' 1 × 1 two-channel codes (u_x, u_y): [N, 2, 1, 1] on the CPU.</summary>
    public static Tensor Codes(IReadOnlyList<(double X, double Y)> centres) =>
        tensor(centres.SelectMany(c => new[] { (float)Code(c.X), (float)Code(c.Y) }).ToArray(), [centres.Count, 2, 1, 1]);

    /// <summary>The inverse of <see cref="Code"/>.</summary>
    public static double Centre(double u) => MinCentre + u * (MaxCentre - MinCentre);
}
