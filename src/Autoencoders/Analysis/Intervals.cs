using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Autoencoders.Analysis;

/// <summary>An estimate with its 95% interval, and how it was made (for reports).</summary>
public sealed record Interval(double Estimate, double Lower, double Upper, string Method)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
    public override string ToString() => $"{Estimate:0.###} [{Lower:0.###}, {Upper:0.###}] ({Method})";
}

/// <summary>
/// 95% intervals for what a claim measures over seeds: a pass rate (exact binomial) or a statistic of per-seed values
/// (bootstrap over seeds).
/// </summary>
public static class Intervals
{
    public const double Confidence = 0.95;

    /// <summary>
    /// Clopper–Pearson interval for k successes in n trials: the p whose binomial tails at k are α/2 each, written
    /// with the Beta quantiles  lower = B⁻¹(α/2; k, n − k + 1) and upper = B⁻¹(1 − α/2; k + 1, n − k), with lower = 0
    /// at k = 0 and upper = 1 at k = n. Exact (never below the nominal coverage), so conservative at small n.
    /// At k = n the lower bound is (α/2)^(1/n): 10/10 gives 0.692, so 10 seeds cannot show a rate above 0.8.
    /// </summary>
    public static Interval ClopperPearson(int k, int n) => ClopperPearson(k, n, Confidence);

    /// <summary>The Clopper–Pearson interval at another <paramref name="confidence"/> (a part of a joint interval).</summary>
    public static Interval ClopperPearson(int k, int n, double confidence)
    {
        if (n < 1 || k < 0 || k > n) throw new ArgumentException($"a binomial interval needs 0 ≤ k ≤ n and n ≥ 1 (got k = {k}, n = {n})");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentException($"a confidence must lie in (0, 1) (got {confidence})");
        double a = (1 - confidence) / 2;
        double lower = k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, a);
        double upper = k == n ? 1 : Beta.InvCDF(k + 1, n - k, 1 - a);
        return new((double)k / n, lower, upper, $"{k}/{n}, Clopper–Pearson");
    }

    /// <summary>
    /// The change a variation makes to a rate measured on the same n seeds both ways (paired): Δ = (on − off)/n, where
    /// <paramref name="turnedOn"/> seeds hold only varied and <paramref name="turnedOff"/> only as they are (seeds that
    /// agree add nothing to Δ). Δ = π_on − π_off for the multinomial shares of the two kinds of discordant seeds, so
    /// with Clopper–Pearson intervals [L, U] for each share at confidence 1 − α/2 (Bonferroni: both hold together with
    /// probability ≥ 1 − α), Δ ∈ [L_on − U_off, U_on − L_off] with probability ≥ <paramref name="confidence"/> = 1 − α.
    /// Exact and conservative (it does not use that the two kinds exclude each other): 6 seeds that all agree give
    /// ±0.52 at 95% (1 − 0.0125^(1/n)), 40 give ±0.10.
    /// </summary>
    public static Interval RateChange(int turnedOn, int turnedOff, int n, double confidence = Confidence)
    {
        if (n < 1 || turnedOn < 0 || turnedOff < 0 || turnedOn + turnedOff > n)
            throw new ArgumentException($"a paired rate change needs on, off ≥ 0 and on + off ≤ n, n ≥ 1 (got {turnedOn}, {turnedOff}, {n})");
        double each = 1 - (1 - confidence) / 2;
        var on = ClopperPearson(turnedOn, n, each);
        var off = ClopperPearson(turnedOff, n, each);
        return new((double)(turnedOn - turnedOff) / n, on.Lower - off.Upper, on.Upper - off.Lower,
            $"+{turnedOn} −{turnedOff} of {n} paired seeds, two Clopper–Pearson intervals at {each:0.####} (Bonferroni)");
    }

    /// <summary>
    /// Percentile bootstrap over seeds: <paramref name="statistic"/> of the per-seed values, resampled with
    /// replacement <paramref name="resamples"/> times (seeded, so the interval is reproducible); the 2.5% and 97.5%
    /// quantiles of the resampled statistic. With few seeds the interval is too narrow rather than too wide: read it
    /// with the seed count beside it; one run has no interval at all (−∞, ∞). The runs may be of any kind: each resample draws whole runs with replacement,
    /// so values measured on the same seed (a discrete and a continuous decoder of seed s) stay paired.
    /// </summary>
    public static Interval Bootstrap<T>(IReadOnlyList<T> runs, Func<IReadOnlyList<T>, double> statistic, int resamples = 2000, int seed = 12345, double nanAs = double.PositiveInfinity, bool discrete = false)
    {
        if (runs.Count < 1) throw new ArgumentException("a bootstrap needs at least one run");
        // Every resample of one run is that run: the "interval" would be a point and would decide a verdict on one seed.
        if (runs.Count == 1) return new(statistic(runs), double.NegativeInfinity, double.PositiveInfinity, "one seed: no interval");
        var random = new Random(seed);
        var sample = new T[runs.Count];
        var stats = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < sample.Length; i++) sample[i] = runs[random.Next(runs.Count)];
            stats[b] = statistic(sample);
        }
        return Percentiles(statistic(runs), stats, $"bootstrap over {runs.Count} seeds", nanAs, discrete);
    }

    /// <summary>
    /// The percentile bootstrap of a statistic comparing two independent groups of runs (e.g. the spread of the
    /// unregularised runs over that of the ψ3 runs): each group is resampled on its own.
    /// </summary>
    public static Interval Bootstrap<T>(IReadOnlyList<T> first, IReadOnlyList<T> second, Func<IReadOnlyList<T>, IReadOnlyList<T>, double> statistic, int resamples = 2000, int seed = 12345, double nanAs = double.PositiveInfinity)
    {
        if (first.Count < 1 || second.Count < 1) throw new ArgumentException("a two-group bootstrap needs at least one run in each group");
        if (first.Count == 1 && second.Count == 1) return new(statistic(first, second), double.NegativeInfinity, double.PositiveInfinity, "one run in each group: no interval");
        var random = new Random(seed);
        var a = new T[first.Count];
        var b = new T[second.Count];
        var stats = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < a.Length; i++) a[i] = first[random.Next(first.Count)];
            for (int i = 0; i < b.Length; i++) b[i] = second[random.Next(second.Count)];
            stats[r] = statistic(a, b);
        }
        return Percentiles(statistic(first, second), stats, $"bootstrap over {first.Count} + {second.Count} runs", nanAs);
    }

    /// <summary>
    /// The 2.5% and 97.5% quantiles of the resampled statistics (linear interpolation between order statistics, R-7).
    /// A resample can give an undefined statistic (0/0: a ratio of two spreads of 0); it counts as
    /// <paramref name="nanAs"/>, which a caller sets against the paper (−∞ when the paper's side is above the bar), so
    /// an undefined resample never speaks for the paper. Two equal neighbours, infinite ones included, give that value
    /// rather than ∞ − ∞.
    /// </summary>
    /// With <paramref name="discrete"/>, type-1 quantiles (the order statistic at ⌈p·n⌉, no interpolation): for a statistic
    /// that takes a few values (a width of a sweep), the interval's ends are values it can take.
    static Interval Percentiles(double estimate, double[] stats, string method, double nanAs, bool discrete = false)
    {
        for (int i = 0; i < stats.Length; i++) if (double.IsNaN(stats[i])) stats[i] = nanAs;
        Array.Sort(stats);
        double a = (1 - Confidence) / 2;
        if (discrete)
        {
            double Order(double p) => stats[Math.Clamp((int)Math.Ceiling(p * stats.Length) - 1, 0, stats.Length - 1)];
            return new(estimate, Order(a), Order(1 - a), method + ", type-1 quantiles");
        }
        return new(estimate, Quantile(stats, a), Quantile(stats, 1 - a), method);
    }

    static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h), hi = (int)Math.Ceiling(h);
        if (sorted[lo] == sorted[hi] || lo == hi) return sorted[lo];
        if (!double.IsFinite(sorted[lo])) return sorted[lo];
        return double.IsFinite(sorted[hi]) ? sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]) : double.PositiveInfinity;
    }

    /// <summary>
    /// The smallest number of seeds at which a rate like <paramref name="estimate"/> would have its Clopper–Pearson
    /// interval clear of <paramref name="bar"/> (on whichever side the estimate lies), up to <paramref name="max"/>;
    /// null when even that many would not decide (an estimate at the bar).
    /// </summary>
    public static int? SeedsToDecide(double estimate, double bar, int max = 1000)
    {
        for (int n = 1; n <= max; n++)
        {
            int k = (int)Math.Round(estimate * n);
            var ci = ClopperPearson(k, n);
            if (ci.Lower >= bar || ci.Upper < bar) return n;
        }
        return null;
    }

    /// <summary>
    /// The chance that n seeds decide a rate whose true value is <paramref name="rate"/>: the probability, over
    /// k ~ Binomial(n, rate), that the Clopper–Pearson interval of k/n clears <paramref name="bar"/> on either side (as
    /// the verdict reads it for a paper side above the bar: lower ≥ bar, or upper &lt; bar). Σ_k C(n, k) rate^k (1 − rate)^(n−k)
    /// over the deciding k, summed exactly. What sizes a tier's seeds: at rate 2/3 against 0.5, 6 seeds decide with
    /// chance 0.09 and 40 with 0.53.
    /// </summary>
    public static double DecisionChance(double rate, double bar, int n)
    {
        if (n < 1 || !(rate >= 0 && rate <= 1)) throw new ArgumentException($"a decision chance needs n ≥ 1 and a rate in [0, 1] (got n = {n}, rate = {rate})");
        double chance = 0;
        for (int k = 0; k <= n; k++)
        {
            var ci = ClopperPearson(k, n);
            if (ci.Lower >= bar || ci.Upper < bar)
                chance += Math.Exp(SpecialFunctions.BinomialLn(n, k) + (k == 0 ? 0 : k * Math.Log(rate)) + (k == n ? 0 : (n - k) * Math.Log(1 - rate)));
        }
        return chance;
    }
}
