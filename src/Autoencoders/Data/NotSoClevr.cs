namespace Autoencoders.Data;

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
}
