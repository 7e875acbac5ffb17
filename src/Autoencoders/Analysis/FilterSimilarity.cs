namespace Autoencoders.Analysis;

/// <summary>How close a learned size-3 filter is to Prop. 3's [1, 2, 1].</summary>
public static class FilterSimilarity
{
    /// <summary>|cos| between a filter and [1, 2, 1] (scale and sign do not matter).</summary>
    public static double CosineTo121(double[] f) => Math.Abs(f[0] + 2 * f[1] + f[2]) / (Math.Sqrt(6) * Math.Sqrt(f.Sum(v => v * v)) + 1e-30);
}
