namespace Autoencoders.Data;

/// <summary>
/// A union of disjoint closed intervals of radii, sampled uniformly by length. Models U(0, 32), the restriction
/// r ≤ 18 (D10) and the hole (0, 11) ∪ (18, 32) (D11).
/// </summary>
public sealed class RadiusRange
{
    public IReadOnlyList<(double Lo, double Hi)> Intervals { get; }
    public double TotalLength { get; }

    public RadiusRange(params (double Lo, double Hi)[] intervals)
    {
        if (intervals.Length == 0) throw new ArgumentException("a radius range needs at least one interval");
        var sorted = intervals.OrderBy(iv => iv.Lo).ToArray();
        for (int k = 0; k < sorted.Length; k++)
        {
            var (lo, hi) = sorted[k];
            if (!double.IsFinite(lo) || !double.IsFinite(hi)) throw new ArgumentException($"radius interval [{lo}, {hi}] is not finite");
            if (lo < 0) throw new ArgumentException($"radius interval [{lo}, {hi}] has a negative radius");
            if (hi <= lo) throw new ArgumentException($"radius interval [{lo}, {hi}] is empty: its upper end must exceed its lower end");
            if (k > 0 && lo < sorted[k - 1].Hi) throw new ArgumentException($"radius intervals [{sorted[k - 1].Lo}, {sorted[k - 1].Hi}] and [{lo}, {hi}] overlap");
        }
        Intervals = sorted;
        TotalLength = sorted.Sum(iv => iv.Hi - iv.Lo);
    }

    public static RadiusRange Uniform(double lo, double hi) => new((lo, hi));

    /// <summary>The paper's full range U(0, m/2).</summary>
    public static RadiusRange Full(ImageGrid grid) => new((0, grid.MaxRadius));

    /// <summary>The full range without the open hole (lo, hi), e.g. (11, 18).</summary>
    public static RadiusRange WithHole(ImageGrid grid, double lo, double hi) => new((0, lo), (hi, grid.MaxRadius));

    public double Max => Intervals[^1].Hi;
    public double Min => Intervals[0].Lo;

    public bool Contains(double r) => Intervals.Any(iv => r >= iv.Lo && r <= iv.Hi);

    /// <summary>Checks every radius fits in the image; throws a message naming the offending bound.</summary>
    public RadiusRange CheckFits(ImageGrid grid)
    {
        if (Max > grid.MaxRadius)
            throw new ArgumentException($"radius {Max} is beyond the image: a centred disk in a {grid.Size}×{grid.Size} image has radius at most {grid.MaxRadius}");
        return this;
    }

    /// <summary>Maps u ∈ [0, 1] to a radius so that uniform u gives radii uniform over the union.</summary>
    public double Quantile(double u)
    {
        double t = Math.Clamp(u, 0, 1) * TotalLength;
        foreach (var (lo, hi) in Intervals)
        {
            if (t <= hi - lo) return lo + t;
            t -= hi - lo;
        }
        return Intervals[^1].Hi;
    }

    /// <summary><paramref name="count"/> radii drawn uniformly, reproducibly from <paramref name="seed"/>.</summary>
    public double[] Sample(int count, int seed)
    {
        if (count < 0) throw new ArgumentException($"cannot sample {count} radii");
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Quantile(random.NextDouble())).ToArray();
    }

    /// <summary><paramref name="count"/> evenly spaced radii covering the union (for test sweeps).</summary>
    public double[] Sweep(int count) =>
        Enumerable.Range(0, count).Select(k => Quantile(count == 1 ? 0.5 : (k + 0.5) / count)).ToArray();

    public override string ToString() => string.Join(" ∪ ", Intervals.Select(iv => $"[{iv.Lo:0.###}, {iv.Hi:0.###}]"));
}
