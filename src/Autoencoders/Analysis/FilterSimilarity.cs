namespace Autoencoders.Analysis;

/// <summary>How close a learned size-3 filter is to Prop. 3's [1, 2, 1].</summary>
public static class FilterSimilarity
{
    /// <summary>|cos| between a filter and [1, 2, 1] (scale and sign do not matter).</summary>
    public static double CosineTo121(double[] f) => CosineTo121(f, [true, true, true]);

    /// <summary>
    /// |cos| between the taps of <paramref name="f"/> that see data (<paramref name="live"/>) and the same taps of
    /// [1, 2, 1]; a dead tap keeps its random initial value and says nothing about what training found.
    /// </summary>
    public static double CosineTo121(double[] f, bool[] live)
    {
        double[] target = [1, 2, 1];
        double dot = 0, ff = 0, tt = 0;
        for (int j = 0; j < 3; j++)
            if (live[j]) { dot += f[j] * target[j]; ff += f[j] * f[j]; tt += target[j] * target[j]; }
        return Math.Abs(dot) / (Math.Sqrt(tt) * Math.Sqrt(ff) + 1e-30);
    }

    /// <summary>
    /// The taps of a size-3, stride-2, padding-1 convolution that ever multiply data for an input of length n: output
    /// i reads x[2i − 1], x[2i], x[2i + 1]. For n ≥ 3 all three do; for n = 2 (the last layer of the 64-sample
    /// encoder) the one output reads (padding, x₀, x₁), so tap 0 only ever multiplies zeros: its gradient is exactly
    /// 0 and Adam never moves it; for n = 1 only the centre tap sees data.
    /// </summary>
    public static bool[] LiveTaps(int inputLength) => inputLength switch
    {
        >= 3 => [true, true, true],
        2 => [false, true, true],
        1 => [false, true, false],
        _ => throw new ArgumentOutOfRangeException(nameof(inputLength), $"an input of length {inputLength} has no taps"),
    };
}
