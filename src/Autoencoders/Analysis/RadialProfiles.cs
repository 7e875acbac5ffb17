using Autoencoders.Theory;

namespace Autoencoders.Analysis;

/// <summary>
/// The profile f a bias-free disk autoencoder learns (Sec. 4.3: its outputs are y(t, r) = h(r) f(t)) and how it
/// compares with the optimum of Prop. 2.
/// </summary>
public static class RadialProfiles
{
    /// <summary>Ring centres t_k = k + ½ of the radial profiles (<see cref="DiskMeasures.RadialProfile"/>).</summary>
    public static double[] RingCentres(int count) => Enumerable.Range(0, count).Select(k => k + 0.5).ToArray();

    /// <summary>
    /// The learned profile f: the mean of the outputs' radial profiles, each scaled to unit peak (empty outputs
    /// skipped). A network that draws nothing at all (every output under 1e-6, e.g. a dead bias-free network) has no
    /// profile: NaN at every ring, so every comparison made with it fails instead of the check stopping.
    /// </summary>
    public static double[] Learned(IReadOnlyList<double[]> outputProfiles)
    {
        if (outputProfiles.Count == 0) throw new ArgumentException("a learned profile needs at least one output");
        var rows = outputProfiles.Where(p => p.Max(Math.Abs) > 1e-6).Select(p => { double peak = p.MaxBy(Math.Abs); return p.Select(v => v / peak).ToArray(); }).ToArray();
        if (rows.Length == 0) return Enumerable.Repeat(double.NaN, outputProfiles[0].Length).ToArray();
        return Enumerable.Range(0, rows[0].Length).Select(t => rows.Average(r => r[t])).ToArray();
    }

    /// <summary>A learned profile scaled onto the optimum for radius R at ring centres T, and the largest gap between them.</summary>
    public sealed record Comparison(double[] T, double[] Learned, double[] Optimal, double MaxGap);

    /// <summary>
    /// Scales <paramref name="learned"/> by least squares (weight t, the 2-D measure) onto the optimum of Prop. 2 for
    /// training radius <paramref name="r"/> and measures the largest gap between them, over the rings that hold a pixel
    /// centre (<paramref name="ringCounts"/>; all rings when null). An empty ring has no value to compare: the 2:1
    /// ellipse's gauge ring [0, 1) holds no pixel centre (the nearest are at g = √1.25).
    /// </summary>
    public static Comparison CompareWithOptimum(double[] learned, double r, int[]? ringCounts = null)
    {
        var rings = Enumerable.Range(0, learned.Length).Where(i => ringCounts is null || ringCounts[i] > 0).ToArray();
        var t = rings.Select(i => i + 0.5).ToArray();
        var values = rings.Select(i => learned[i]).ToArray();
        var optimal = t.Select(x => OptimalProfile.ClosedForm(x, r)).ToArray();
        double s = t.Select((x, i) => x * values[i] * optimal[i]).Sum() / t.Select((x, i) => x * values[i] * values[i]).Sum();
        var scaled = values.Select(v => s * v).ToArray();
        return new(t, scaled, optimal, scaled.Zip(optimal, (a, b) => Math.Abs(a - b)).Max());
    }
}
