using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Autoencoders.Data;

/// <summary>
/// The limit the Monte Carlo renderer converges to, computed by quadrature: x(t) = P(t + σn ∈ S), n ~ N(0, I).
/// Disks: with d = |t − c| and u = r sin θ,
///   P(d) = ∫_{−π/2}^{π/2} φ_σ(r sin θ − d) · erf(r cos θ / (σ√2)) · r cos θ dθ,
/// a smooth integrand (the substitution removes the √(r² − u²) edge singularity), integrated by composite
/// 8-point Gauss–Legendre on panels no wider than σ in u over |u − d| ≤ 8σ (the tail beyond is below 1e-15).
/// Ellipses with semi-axes (a, b) (B1), at offset (dx, dy) from the centre, the same with u = a sin θ:
///   P = ∫_{−π/2}^{π/2} φ_σ(a sin θ − dx) · [Φ((b cos θ − dy)/σ) + Φ((b cos θ + dy)/σ) − 1] · a cos θ dθ,
/// which for a = b = r, dy = 0 is the disk's integrand (2Φ(x/σ) − 1 = erf(x/(σ√2))).
/// Squares: the blur is separable, P = Π_axes [Φ((c + s/2 − t)/σ) − Φ((c − s/2 − t)/σ)].
/// Other shapes are not supported (use <see cref="MonteCarloRenderer"/>).
/// </summary>
public sealed class ExactRenderer(ImageGrid grid, double sigma) : IShapeRenderer
{
    static readonly GaussLegendreRule Rule = new(-1, 1, 8);

    public ImageGrid Grid { get; } = grid;
    public double Sigma { get; } = RendererChecks.Sigma(sigma);

    public float[] Render(IShape shape) => shape switch
    {
        Disk disk => RenderDisk(disk),
        Square square => RenderSquare(square),
        Ellipse ellipse => RenderEllipse(ellipse),
        _ => throw new NotSupportedException($"no exact renderer for {shape.GetType().Name}; use the Monte Carlo renderer"),
    };

    /// <summary>Blurred-disk value at distance d from the centre of a disk of radius r.</summary>
    public double DiskValue(double r, double d)
    {
        if (r <= 0) return 0;
        // Beyond 8.5σ from the edge the Rayleigh tail bound exp(−(d − r)²/2σ²) < 3e-16: the value is 0 or 1.
        if (d <= r - 8.5 * Sigma) return 1;
        if (d >= r + 8.5 * Sigma) return 0;
        double lo = Math.Max(-r, d - 8 * Sigma), hi = Math.Min(r, d + 8 * Sigma);
        if (hi <= lo) return 0;
        int panels = Math.Max(1, (int)Math.Ceiling((hi - lo) / Sigma));
        double sum = 0, norm = 1 / (Sigma * Math.Sqrt(2 * Math.PI));
        for (int p = 0; p < panels; p++)
        {
            double t0 = Math.Asin(Math.Clamp((lo + (hi - lo) * p / panels) / r, -1, 1));
            double t1 = Math.Asin(Math.Clamp((lo + (hi - lo) * (p + 1) / panels) / r, -1, 1));
            double half = (t1 - t0) / 2, mid = (t1 + t0) / 2;
            for (int k = 0; k < Rule.Abscissas.Length; k++)
            {
                double theta = mid + half * Rule.Abscissas[k];
                double u = r * Math.Sin(theta), w = r * Math.Cos(theta);
                double gauss = norm * Math.Exp(-(u - d) * (u - d) / (2 * Sigma * Sigma));
                sum += Rule.Weights[k] * half * gauss * SpecialFunctions.Erf(w / (Sigma * Math.Sqrt(2))) * w;
            }
        }
        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>
    /// Blurred-ellipse value at offset (dx, dy) from the centre of the ellipse with semi-axes a (along x) and b (along y).
    /// Shortcut: with q = √((dx/a)² + (dy/b)²) and c = min(a, b), the point is at least (1 − q)·c inside the edge when
    /// q ≤ 1 (the ellipse contains q·E + (1 − q)·B_c, being convex and containing B_c) and at least (q − 1)·c outside it
    /// when q ≥ 1 (E + B_d ⊆ (1 + d/c)·E): beyond 8.5σ the value is 0 or 1 to 3e-16, as for the disk.
    /// </summary>
    public double EllipseValue(double a, double b, double dx, double dy)
    {
        if (a <= 0 || b <= 0) return 0;
        double q = Math.Sqrt(dx / a * (dx / a) + dy / b * (dy / b)), c = Math.Min(a, b);
        if ((1 - q) * c >= 8.5 * Sigma) return 1;
        if ((q - 1) * c >= 8.5 * Sigma) return 0;
        double lo = Math.Max(-a, dx - 8 * Sigma), hi = Math.Min(a, dx + 8 * Sigma);
        if (hi <= lo) return 0;
        // Panels even in θ, each moving u = a sin θ and h = b cos θ by at most σ (max(a, b)·Δθ ≤ σ): the Gaussian in u
        // and the edge Φ in h are both resolved. (Even in u, as for the disk, h runs by σ·tan θ a panel near the ends,
        // which left errors of 5e-6 where the edge of an off-axis point falls there.)
        double theta0 = Math.Asin(Math.Clamp(lo / a, -1, 1)), theta1 = Math.Asin(Math.Clamp(hi / a, -1, 1));
        int panels = Math.Max(1, (int)Math.Ceiling(Math.Max(a, b) * (theta1 - theta0) / Sigma));
        double sum = 0, norm = 1 / (Sigma * Math.Sqrt(2 * Math.PI));
        for (int p = 0; p < panels; p++)
        {
            double t0 = theta0 + (theta1 - theta0) * p / panels, t1 = theta0 + (theta1 - theta0) * (p + 1) / panels;
            double half = (t1 - t0) / 2, mid = (t1 + t0) / 2;
            for (int k = 0; k < Rule.Abscissas.Length; k++)
            {
                double theta = mid + half * Rule.Abscissas[k];
                double u = a * Math.Sin(theta), h = b * Math.Cos(theta);
                double gauss = norm * Math.Exp(-(u - dx) * (u - dx) / (2 * Sigma * Sigma));
                sum += Rule.Weights[k] * half * gauss * (Normal((h - dy) / Sigma) + Normal((h + dy) / Sigma) - 1) * a * Math.Cos(theta);
            }
        }
        return Math.Clamp(sum, 0, 1);
    }

    float[] RenderEllipse(Ellipse ellipse)
    {
        int m = Grid.Size;
        var image = new float[m * m];
        // The value is even in dx and in dy: evaluate each (|dx|, |dy|) once.
        var cache = new Dictionary<(double, double), float>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                var key = (Math.Abs(j - ellipse.Cx), Math.Abs(i - ellipse.Cy));
                if (!cache.TryGetValue(key, out float v)) cache[key] = v = (float)EllipseValue(ellipse.A, ellipse.B, key.Item1, key.Item2);
                image[i * m + j] = v;
            }
        return image;
    }

    float[] RenderDisk(Disk disk)
    {
        int m = Grid.Size;
        var image = new float[m * m];
        // The value depends on the distance only: evaluate each distinct distance once.
        var cache = new Dictionary<double, float>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                double d = Math.Sqrt((j - disk.Cx) * (j - disk.Cx) + (i - disk.Cy) * (i - disk.Cy));
                if (!cache.TryGetValue(d, out float v)) cache[d] = v = (float)DiskValue(disk.Radius, d);
                image[i * m + j] = v;
            }
        return image;
    }

    float[] RenderSquare(Square square)
    {
        int m = Grid.Size;
        double Axis(double t, double c) =>
            Normal(( c + square.Side / 2 - t) / Sigma) - Normal((c - square.Side / 2 - t) / Sigma);
        var image = new float[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                image[i * m + j] = (float)(Axis(j, square.Cx) * Axis(i, square.Cy));
        return image;
    }

    static double Normal(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
