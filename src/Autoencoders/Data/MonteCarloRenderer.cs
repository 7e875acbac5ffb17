namespace Autoencoders.Data;

/// <summary>
/// The paper's renderer (App. A, Eq. 21): each pixel t is the fraction of N samples ξ_i ~ N(t, σ²I) that fall in
/// the shape, x(t) = (1/N) Σ_i 1_S(ξ_i). By the law of large numbers x(t) → (g_σ ∗ 1_S)(t), with standard error
/// √(p(1−p)/N). Samples are fresh for every pixel and seeded per image, so a (seed, shape) pair is reproducible.
/// </summary>
public sealed class MonteCarloRenderer(ImageGrid grid, double sigma, int samplesPerPixel, int seed) : IShapeRenderer
{
    public ImageGrid Grid { get; } = grid;
    public double Sigma { get; } = RendererChecks.Sigma(sigma);
    public int SamplesPerPixel { get; } = samplesPerPixel >= 1 ? samplesPerPixel : throw new ArgumentException($"Monte Carlo needs N ≥ 1 samples per pixel (got {samplesPerPixel})");
    public int Seed { get; } = seed;

    public float[] Render(IShape shape)
    {
        int m = Grid.Size;
        var image = new float[m * m];
        var random = new Random(StableSeed.Of(Seed, shape.ToString()!));
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                int inside = 0;
                for (int s = 0; s < SamplesPerPixel; s++)
                {
                    var (gx, gy) = StandardNormalPair(random);
                    if (shape.Contains(j + Sigma * gx, i + Sigma * gy)) inside++;
                }
                image[i * m + j] = (float)inside / SamplesPerPixel;
            }
        return image;
    }

    /// <summary>Two independent N(0, 1) draws (Box–Muller).</summary>
    static (double, double) StandardNormalPair(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        return (radius * Math.Cos(2 * Math.PI * u2), radius * Math.Sin(2 * Math.PI * u2));
    }
}
