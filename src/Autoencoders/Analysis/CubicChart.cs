using MathNet.Numerics.LinearAlgebra;

namespace Autoencoders.Analysis;

/// <summary>
/// A cubic polynomial map from a 2-D code z to two parameters (a position (x, y) for B2, semi-axes (a, b) for B1),
/// fitted by least squares on standardised codes: whether a code is a chart of what it encodes, read back.
/// </summary>
public sealed class CubicChart
{
    readonly double[] mean, scale;
    readonly Vector<double> cx, cy;

    CubicChart(double[] mean, double[] scale, Vector<double> cx, Vector<double> cy) { this.mean = mean; this.scale = scale; this.cx = cx; this.cy = cy; }

    static double[] Terms(double u, double v) => [1, u, v, u * u, u * v, v * v, u * u * u, u * u * v, u * v * v, v * v * v];

    public static CubicChart Fit((double, double)[] codes, (double X, double Y)[] positions)
    {
        double[] mean = [codes.Average(c => c.Item1), codes.Average(c => c.Item2)];
        double[] scale = [Std(codes.Select(c => c.Item1), mean[0]), Std(codes.Select(c => c.Item2), mean[1])];
        var a = Matrix<double>.Build.DenseOfRowArrays(codes.Select(c => Terms((c.Item1 - mean[0]) / scale[0], (c.Item2 - mean[1]) / scale[1])));
        var qr = a.QR();
        return new CubicChart(mean, scale, qr.Solve(Vector<double>.Build.DenseOfArray(positions.Select(p => p.X).ToArray())),
            qr.Solve(Vector<double>.Build.DenseOfArray(positions.Select(p => p.Y).ToArray())));
    }

    public (double X, double Y) At((double, double) code)
    {
        var t = Vector<double>.Build.DenseOfArray(Terms((code.Item1 - mean[0]) / scale[0], (code.Item2 - mean[1]) / scale[1]));
        return (t.DotProduct(cx), t.DotProduct(cy));
    }

    // A code coordinate that never varies carries no position: scale 1 keeps the fit defined (it then cannot chart).
    static double Std(IEnumerable<double> values, double mean) { double s = Math.Sqrt(values.Average(v => (v - mean) * (v - mean))); return s > 1e-12 ? s : 1; }
}
