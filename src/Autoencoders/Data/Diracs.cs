namespace Autoencoders.Data;

/// <summary>1-D Dirac signals of Sec. 5: discrete one-hot vectors and the continuous triangular approximation.</summary>
public static class Diracs
{
    /// <summary>n = 2^L, checked: the position encoder halves the signal L times.</summary>
    public static int CheckPowerOfTwo(int n) =>
        n >= 2 && (n & (n - 1)) == 0 ? n : throw new ArgumentException($"signal length n = {n} must be a power of two ≥ 2 (n = 2^L)");

    /// <summary>The one-hot vector of length n with a 1 at integer position a ∈ {0, …, n−1}.</summary>
    public static float[] OneHot(int n, int a)
    {
        if (n < 1) throw new ArgumentException($"signal length n = {n} must be ≥ 1");
        if (a < 0 || a >= n) throw new ArgumentException($"position a = {a} is outside [0, {n - 1}]");
        var x = new float[n];
        x[a] = 1;
        return x;
    }

    /// <summary>Eq. 19: y_a(t) = max(0, 1 − |t − a|) for t = 0, …, n−1 and a real position a ∈ [0, n−1].</summary>
    public static float[] Triangular(int n, double a)
    {
        if (n < 1) throw new ArgumentException($"signal length n = {n} must be ≥ 1");
        if (!double.IsFinite(a) || a < 0 || a > n - 1) throw new ArgumentException($"position a = {a} is outside [0, {n - 1}]");
        var y = new float[n];
        for (int t = 0; t < n; t++) y[t] = (float)Math.Max(0, 1 - Math.Abs(t - a));
        return y;
    }
}
