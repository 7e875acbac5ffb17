using Autoencoders.Data;

namespace Autoencoders.Analysis;

/// <summary>Measurements on disk images (row-major m×m float arrays).</summary>
public static class DiskMeasures
{
    /// <summary>
    /// The radius whose disk has the image's mass: r = √(Σ pixels / π). A blurred disk g_σ ∗ 1_{B_r} has mass πr²
    /// exactly (the blur preserves mass), so this reads the radius off any disk-like output without a threshold.
    /// </summary>
    public static double RadiusFromArea(float[] image) => ShapeFamily.Disks.SizeFromMass(image);

    /// <summary>‖y − x‖² / ‖x‖²: the share of the input's energy the reconstruction gets wrong.</summary>
    public static double RelativeError(float[] output, float[] input)
    {
        double err = 0, norm = 0;
        for (int i = 0; i < input.Length; i++) { err += (output[i] - input[i]) * (double)(output[i] - input[i]); norm += input[i] * (double)input[i]; }
        return norm == 0 ? (err == 0 ? 0 : double.PositiveInfinity) : err / norm;
    }

    /// <summary>‖y − x‖² (the training loss of one image).</summary>
    public static double SquaredError(float[] output, float[] input)
    {
        double err = 0;
        for (int i = 0; i < input.Length; i++) err += (output[i] - input[i]) * (double)(output[i] - input[i]);
        return err;
    }

    /// <summary>
    /// Radial profile: mean pixel value in rings of width 1 around the image centre, ring k = [k, k+1) pixels,
    /// out to the corners (⌈√2·m/2⌉ rings). The radial coordinate t of Eq. 5.
    /// </summary>
    public static double[] RadialProfile(float[] image, ImageGrid grid) => ShapeFamily.Disks.Profile(image, grid);

    /// <summary>⟨f, 1_{B_r}⟩ = Σ over pixels within distance r of the centre of f(|t|), for a radial profile f.</summary>
    public static double DiskInnerProduct(double[] profile, double r, ImageGrid grid)
    {
        double total = 0;
        for (int i = 0; i < grid.Size; i++)
            for (int j = 0; j < grid.Size; j++)
            {
                double d = grid.DistanceFromCentre(i, j);
                if (d <= r) total += profile[Math.Min(profile.Length - 1, (int)d)];
            }
        return total;
    }

    /// <summary>
    /// Relative distance of an image from the exact blurred member of <paramref name="family"/> (disks by default) of the
    /// size its mass implies; an image with (almost) no mass is no such shape at all and scores 1.
    /// </summary>
    public static double DiskMismatch(float[] image, ExactRenderer renderer, ShapeFamily? family = null)
    {
        family ??= ShapeFamily.Disks;
        double s = Math.Min(family.SizeFromMass(image), renderer.Grid.MaxRadius);
        if (s < 0.5) return 1;
        return RelativeError(image, renderer.Render(family.ShapeOf(renderer.Grid, s)));
    }
}
