using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Analysis;

/// <summary>Curve fits and summary statistics used by the claims.</summary>
public static class Fits
{
    /// <summary>z ≈ a·r^p + c: the least-squares fit, found by golden-section search over p ∈ [0.25, 4] with (a, c) linear.</summary>
    public sealed record PowerFit(double P, double A, double C, double RSquared);

    public static PowerFit Power(double[] r, double[] z)
    {
        if (r.Length != z.Length || r.Length < 4) throw new ArgumentException("a power fit needs at least 4 (r, z) pairs of equal count");
        (double A, double C, double Sse) Linear(double p)
        {
            var x = r.Select(v => Math.Pow(v, p)).ToArray();
            var (c, a) = Fit.Line(x, z);
            double sse = x.Select((v, i) => Math.Pow(a * v + c - z[i], 2)).Sum();
            return (a, c, sse);
        }
        double lo = 0.25, hi = 4, g = (Math.Sqrt(5) - 1) / 2;
        // Coarse scan first: the residual in p can have shallow local minima.
        double best = Enumerable.Range(0, 76).Select(i => lo + i * 0.05).MinBy(p => Linear(p).Sse);
        lo = Math.Max(0.25, best - 0.05); hi = Math.Min(4, best + 0.05);
        for (int it = 0; it < 60; it++)
        {
            double p1 = hi - g * (hi - lo), p2 = lo + g * (hi - lo);
            if (Linear(p1).Sse < Linear(p2).Sse) hi = p2; else lo = p1;
        }
        double pBest = (lo + hi) / 2;
        var fit = Linear(pBest);
        double mean = z.Average(), sst = z.Sum(v => (v - mean) * (v - mean));
        return new PowerFit(pBest, fit.A, fit.C, sst == 0 ? 1 : 1 - fit.Sse / sst);
    }

    /// <summary>R² of the straight-line fit z ≈ a·x + c.</summary>
    public static double LinearRSquared(double[] x, double[] z)
    {
        var line = Fit.LineFunc(x, z);
        return GoodnessOfFit.RSquared(x.Select(line), z);
    }

    /// <summary>Spearman rank correlation: ±1 for a strictly monotone relation.</summary>
    public static double Spearman(double[] x, double[] y) => Correlation.Spearman(x, y);

    public static double Pearson(double[] x, double[] y) => Correlation.Pearson(x, y);

    /// <summary>Share of the energy carried by the first singular value of a matrix (rows: samples): σ₁² / Σσᵢ².</summary>
    public static double RankOneEnergy(double[][] rows)
    {
        var m = Matrix<double>.Build.DenseOfRowArrays(rows);
        var s = m.Svd(computeVectors: false).S;
        return s[0] * s[0] / s.Sum(v => v * v);
    }

    /// <summary>True when consecutive values all move the same way (ties allowed up to <paramref name="tolerance"/>).</summary>
    public static bool IsMonotone(IReadOnlyList<double> values, double tolerance = 0)
    {
        bool up = true, down = true;
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] < values[i - 1] - tolerance) up = false;
            if (values[i] > values[i - 1] + tolerance) down = false;
        }
        return up || down;
    }
}
