namespace Autoencoders.Data;

/// <summary>
/// The pixel grid every image lives on. Pixel (row i, column j) is the unit square centred at (x, y) = (j, i),
/// i, j ∈ {0, …, m−1} (the paper's Ω = [0, m−1]²). A centred shape is centred at ((m−1)/2, (m−1)/2), e.g. (31.5, 31.5)
/// for m = 64, so every centred image is exactly symmetric under flips and transposition.
/// </summary>
public sealed record ImageGrid(int Size)
{
    public static ImageGrid Paper { get; } = new(64);

    public double Centre => (Size - 1) / 2.0;

    /// <summary>The largest radius a centred disk can have and stay inside the image (m/2, the paper's 32).</summary>
    public double MaxRadius => Size / 2.0;

    /// <summary>Distance of pixel (i, j)'s centre from the image centre.</summary>
    public double DistanceFromCentre(int i, int j) => Math.Sqrt((i - Centre) * (i - Centre) + (j - Centre) * (j - Centre));
}
