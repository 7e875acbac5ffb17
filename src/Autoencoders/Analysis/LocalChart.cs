using MathNet.Numerics.LinearAlgebra;

namespace Autoencoders.Analysis;

/// <summary>
/// A local chart read from reference codes: the position at a code z is the affine map (x, y) ≈ A z + c fitted by least
/// squares to the <see cref="Neighbours"/> reference codes nearest to z (Euclidean in code space). Beside
/// <see cref="CubicChart"/>, which asks for one global cubic inverse, this asks only that the code be locally a smooth,
/// invertible image of the position (B2's task 3; #20's review of the cubic chart's weakness): a code folded into a
/// shape no cubic inverts still charts locally, a code that forgets a coordinate does not.
/// </summary>
public sealed class LocalChart
{
    /// <summary>The reference codes each reading fits: an affine map of a 2-D code has 3 coefficients per output.</summary>
    public const int Neighbours = 8;

    readonly (double, double)[] codes;
    readonly (double X, double Y)[] positions;

    public LocalChart((double, double)[] codes, (double X, double Y)[] positions)
    {
        if (codes.Length != positions.Length) throw new ArgumentException($"{codes.Length} reference codes for {positions.Length} positions");
        if (codes.Length < Neighbours) throw new ArgumentException($"a local chart needs at least {Neighbours} reference codes (got {codes.Length})");
        if (codes.Any(c => !double.IsFinite(c.Item1) || !double.IsFinite(c.Item2))) throw new ArgumentException("reference codes must be finite");
        this.codes = codes;
        this.positions = positions;
    }

    public (double X, double Y) At((double, double) z)
    {
        if (!double.IsFinite(z.Item1) || !double.IsFinite(z.Item2)) return (double.NaN, double.NaN);
        var nearest = Enumerable.Range(0, codes.Length)
            .OrderBy(i => Square(codes[i].Item1 - z.Item1) + Square(codes[i].Item2 - z.Item2)).ThenBy(i => i).Take(Neighbours).ToArray();
        // Centred on z: the fitted constant is then the reading at z. The SVD's least squares solution is defined (and
        // minimal) even when the neighbours' codes are collinear or equal, where the map is not identifiable.
        var a = Matrix<double>.Build.DenseOfRowArrays(nearest.Select(i => new[] { 1, codes[i].Item1 - z.Item1, codes[i].Item2 - z.Item2 }));
        var svd = a.Svd(computeVectors: true);
        double x = svd.Solve(Vector<double>.Build.DenseOfArray(nearest.Select(i => positions[i].X).ToArray()))[0];
        double y = svd.Solve(Vector<double>.Build.DenseOfArray(nearest.Select(i => positions[i].Y).ToArray()))[0];
        return (x, y);
    }

    static double Square(double v) => v * v;
}
