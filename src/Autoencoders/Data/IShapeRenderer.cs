namespace Autoencoders.Data;

/// <summary>
/// Turns a shape into a blurred grey-level image x = g_σ ∗ 1_S sampled at the pixel centres of <see cref="Grid"/>
/// (paper Eq. 20). Images are row-major float arrays of Size × Size.
/// </summary>
public interface IShapeRenderer
{
    ImageGrid Grid { get; }

    /// <summary>Standard deviation of the Gaussian blur, in pixels.</summary>
    double Sigma { get; }

    float[] Render(IShape shape);
}

internal static class RendererChecks
{
    public static double Sigma(double sigma) =>
        double.IsFinite(sigma) && sigma > 0 ? sigma : throw new ArgumentException($"blur σ = {sigma} must be a finite number > 0 (pixels)");
}
