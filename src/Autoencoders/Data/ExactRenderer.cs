using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Autoencoders.Data;

/// <summary>
/// The limit the Monte Carlo renderer converges to, computed by quadrature: x(t) = P(t + σn ∈ S), n ~ N(0, I).
/// Disks: with d = |t − c| and u = r sin θ,
///   P(d) = ∫_{−π/2}^{π/2} φ_σ(r sin θ − d) · erf(r cos θ / (σ√2)) · r cos θ dθ,
/// a smooth integrand (the substitution removes the √(r² − u²) edge singularity), integrated by composite
/// 8-point Gauss–Legendre on panels no wider than σ in u over |u − d| ≤ 8σ (the tail beyond is below 1e-15).
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
