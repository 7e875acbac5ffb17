namespace Autoencoders.Analysis;

/// <summary>Where a decoded 1-D signal peaks (Sec. 5.4, Fig. 10), and how clean that peak is.</summary>
public static class Peaks
{
    /// <summary>
    /// Sub-pixel peak position: the centroid of the positive part of the signal over its largest sample and the two
    /// neighbours. For a triangular Dirac of Eq. 19 at a ∈ [0, n − 1] this returns a exactly (the two non-zero samples
    /// ⌊a⌋ and ⌈a⌉ weigh 1 − frac(a) and frac(a)).
    /// </summary>
    public static double Position(IReadOnlyList<float> y)
    {
        int top = ArgMax(y);
        double weight = 0, moment = 0;
        for (int t = Math.Max(0, top - 1); t <= Math.Min(y.Count - 1, top + 1); t++)
        {
            double v = Math.Max(0, y[t]);
            weight += v;
            moment += v * t;
        }
        return weight > 0 ? moment / weight : top;
    }

    /// <summary>
    /// The largest sample at least two samples away from the main peak, over the main peak's value: 0 for a clean
    /// single peak, near 1 when the signal has two peaks of similar height.
    /// </summary>
    public static double SecondPeakRatio(IReadOnlyList<float> y)
    {
        int top = ArgMax(y);
        double second = 0;
        for (int t = 0; t < y.Count; t++)
            if (Math.Abs(t - top) >= 2) second = Math.Max(second, y[t]);
        return y[top] > 0 ? second / y[top] : double.PositiveInfinity;
    }

    public static int ArgMax(IReadOnlyList<float> y)
    {
        if (y.Count == 0) throw new ArgumentException("an empty signal has no peak");
        int top = 0;
        for (int t = 1; t < y.Count; t++) if (y[t] > y[top]) top = t;
        return top;
    }
}
