namespace Autoencoders.Data;

/// <summary>A planar shape given by its indicator function, in pixel coordinates of an <see cref="ImageGrid"/>.</summary>
public interface IShape
{
    bool Contains(double x, double y);
}

/// <summary>The disk B_r centred at (cx, cy).</summary>
public sealed record Disk(double Cx, double Cy, double Radius) : IShape
{
    public bool Contains(double x, double y) => (x - Cx) * (x - Cx) + (y - Cy) * (y - Cy) <= Radius * Radius;
    public static Disk Centred(ImageGrid grid, double r) => new(grid.Centre, grid.Centre, CheckRadius(grid, r));

    internal static double CheckRadius(ImageGrid grid, double r)
    {
        if (!double.IsFinite(r) || r < 0) throw new ArgumentException($"disk radius {r} must be a finite number ≥ 0");
        if (r > grid.MaxRadius) throw new ArgumentException($"disk radius {r} is beyond the image (at most {grid.MaxRadius} for {grid.Size}×{grid.Size})");
        return r;
    }
}

/// <summary>An axis-aligned square of side <see cref="Side"/> centred at (cx, cy).</summary>
public sealed record Square(double Cx, double Cy, double Side) : IShape
{
    public bool Contains(double x, double y) => Math.Abs(x - Cx) <= Side / 2 && Math.Abs(y - Cy) <= Side / 2;
    public static Square Centred(ImageGrid grid, double side)
    {
        if (!double.IsFinite(side) || side < 0 || side > grid.Size)
            throw new ArgumentException($"square side {side} must be in [0, {grid.Size}]");
        return new(grid.Centre, grid.Centre, side);
    }
}

/// <summary>An axis-aligned ellipse with semi-axes (a, b) centred at (cx, cy).</summary>
public sealed record Ellipse(double Cx, double Cy, double A, double B) : IShape
{
    public bool Contains(double x, double y)
    {
        double u = (x - Cx) / A, v = (y - Cy) / B;
        return u * u + v * v <= 1;
    }
    public static Ellipse Centred(ImageGrid grid, double a, double b)
    {
        if (!(a > 0) || !(b > 0) || a > grid.MaxRadius || b > grid.MaxRadius)
            throw new ArgumentException($"ellipse semi-axes ({a}, {b}) must be in (0, {grid.MaxRadius}]");
        return new(grid.Centre, grid.Centre, a, b);
    }
}
