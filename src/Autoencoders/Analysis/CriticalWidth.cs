using MathNet.Numerics.Statistics;

namespace Autoencoders.Analysis;

/// <summary>
/// B4: where, along a sweep of gap widths w₁ &lt; w₂ &lt; …, reconstruction in the gap first fails. A width fails when
/// the 95% interval of its median ratio ρ (error in the gap over error beside it, over seeds) lies at or above the
/// bar; the critical width w* is the smallest failing width of the sweep. The crossing width is the smallest width
/// whose median ρ reaches the bar (w* ≥ it); its interval comes from resampling the seeds: each resample draws seeds
/// with replacement, the same seeds for every width (a seed's networks share their initialisation and data seed
/// across widths), and records the smallest width whose resampled median ρ reaches the bar (+∞ when none does); the
/// interval is the 2.5–97.5% type-1 quantiles of those widths, so its ends are widths of the sweep.
/// </summary>
public static class CriticalWidth
{
    /// <summary>The median ratio over seeds with its bootstrap interval (an undefined 0/0 ratio counts as −∞: never a failure).</summary>
    public static Interval MedianRatio(IReadOnlyList<double> ratios) =>
        Intervals.Bootstrap(ratios, s => s.Median(), nanAs: double.NegativeInfinity);

    /// <summary>The smallest width whose interval lies at or above <paramref name="bar"/>; null when none does.</summary>
    public static double? FirstFailing(IReadOnlyList<double> widths, IReadOnlyList<Interval> perWidth, double bar)
    {
        CheckSweep(widths, perWidth.Count);
        for (int i = 0; i < widths.Count; i++) if (perWidth[i].Lower >= bar) return widths[i];
        return null;
    }

    /// <summary>
    /// The crossing width with its bootstrap interval. <paramref name="ratiosPerSeed"/>[s][i] is seed s's ratio at
    /// width i. The estimate is the smallest width whose median over all the seeds reaches the bar (+∞ when none).
    /// </summary>
    public static Interval Crossing(IReadOnlyList<double> widths, IReadOnlyList<double[]> ratiosPerSeed, double bar)
    {
        if (ratiosPerSeed.Count == 0) return new(double.NaN, 0, double.PositiveInfinity, "no seed trained at every width");
        foreach (var row in ratiosPerSeed) CheckSweep(widths, row.Length);
        double Smallest(IReadOnlyList<double[]> seeds)
        {
            for (int i = 0; i < widths.Count; i++)
                if (seeds.Select(s => s[i]).Median() >= bar) return widths[i];
            return double.PositiveInfinity;
        }
        return Intervals.Bootstrap(ratiosPerSeed, Smallest, discrete: true);
    }

    static void CheckSweep(IReadOnlyList<double> widths, int values)
    {
        if (values != widths.Count) throw new ArgumentException($"a sweep of {widths.Count} widths needs one value per width, got {values}");
        for (int i = 1; i < widths.Count; i++)
            if (!(widths[i] > widths[i - 1])) throw new ArgumentException($"the widths of a sweep must increase (got {widths[i - 1]} then {widths[i]})");
    }
}
