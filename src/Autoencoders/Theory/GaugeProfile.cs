using Autoencoders.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Autoencoders.Theory;

/// <summary>
/// Prop. 2 for any family of scaled shapes (B1): S_s = {x : g(x) ≤ s}, g a gauge (g(λx) = λ g(x), λ ≥ 0: the Euclidean
/// norm for disks, the ∞-norm for squares, an elliptical norm for ellipses), trained with s ~ U(0, R).
///
/// The bias-free decoder is z·f (Prop. 1), so its best f maximises J(f) = E_s⟨f, 1_{S_s}⟩² over ‖f‖ = 1: the top
/// eigenfunction of K(x, y) = E_s[1_{S_s}(x) 1_{S_s}(y)] = (R − max(g(x), g(y)))₊ / R.
/// (i) K(x, ·) depends on x only through g(x), so every eigenfunction with a non-zero eigenvalue, f = Kf / μ, is a
/// function of g: f(x) = φ(g(x)), with no assumption on f.
/// (ii) For f = φ∘g, the coarea formula with |{g ≤ t}| = A t² (homogeneity; A = π for the disk, 4 for the square,
/// π/2 for the ellipse with semi-axes s and s/2) gives ⟨f, 1_{S_s}⟩ = 2A ∫₀^s φ(t) t dt and ‖f‖² = 2A ∫ φ(t)² t dt.
/// J and the constraint are the disk's up to the constant factor 2A, so φ is the disk's optimum, the Airy profile of
/// <see cref="OptimalProfile"/>, whatever the gauge: f(x) = y(k^{1/3} g(x)), k = (x₀/R)³.
///
/// On the pixel grid the shapes are pixel-coverage images (8 × 8 sub-samples a pixel, no blur), and the optimum is the
/// top eigenvector of K = X Xᵀ / m over m shapes (s at midpoints of (0, R)), found from the m × m Gram matrix XᵀX
/// (K's non-zero spectrum) without assuming any symmetry. <see cref="Gap"/> compares it with φ(g(pixel centre)).
/// </summary>
public static class GaugeProfile
{
    /// <summary>Pixel-coverage image of a shape: the share of each pixel's 8 × 8 sub-sample centres inside it.</summary>
    public static double[] Coverage(ImageGrid grid, IShape shape, int subSamples = 8)
    {
        int m = grid.Size;
        var image = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                int inside = 0;
                for (int a = 0; a < subSamples; a++)
                    for (int b = 0; b < subSamples; b++)
                        if (shape.Contains(j - 0.5 + (b + 0.5) / subSamples, i - 0.5 + (a + 0.5) / subSamples)) inside++;
                image[i * m + j] = inside / (double)(subSamples * subSamples);
            }
        return image;
    }

    /// <summary>
    /// The grid optimum: the top eigenvector of E_s[x_s x_sᵀ] over <paramref name="sizes"/> sizes s at the midpoints of
    /// (0, R), normalised to unit norm with a positive sum. Row-major m × m.
    /// </summary>
    public static double[] GridOptimum(ShapeFamily family, ImageGrid grid, double r, int sizes = 256)
    {
        if (!(r > 0) || sizes < 8) throw new ArgumentException($"need R > 0 and at least 8 sizes (got R = {r}, {sizes})");
        var columns = Enumerable.Range(0, sizes).AsParallel().AsOrdered().WithDegreeOfParallelism(Runtime.TorchRuntime.Threads)
            .Select(i => Coverage(grid, family.ShapeOf(grid, (i + 0.5) * r / sizes))).ToArray();
        var x = Matrix<double>.Build.DenseOfColumnArrays(columns);          // [pixels, m]
        var gram = x.TransposeThisAndMultiply(x);                           // XᵀX: the same non-zero spectrum as XXᵀ
        var evd = gram.Evd(Symmetricity.Symmetric);
        int top = Enumerable.Range(0, sizes).MaxBy(i => evd.EigenValues[i].Real);
        var f = x * evd.EigenVectors.Column(top);                           // XXᵀ(Xv) = μ(Xv)
        double norm = f.L2Norm() * Math.Sign(f.Sum());
        return f.Select(v => v / norm).ToArray();
    }

    /// <summary>φ(g(pixel centre)) on the grid, the continuum optimum of this family, normalised like the grid optimum.</summary>
    public static double[] ContinuumOptimum(ShapeFamily family, ImageGrid grid, double r) => ContinuumProfile(family, grid, r);

    /// <summary>
    /// φ_R′(g(pixel centre)) for another R′ than the family's R: the control for part (ii) of the derivation (the same
    /// Airy profile at R, not a rescaled one such as the area-matched R·√(π/A)).
    /// </summary>
    public static double[] ContinuumProfile(ShapeFamily family, ImageGrid grid, double r)
    {
        int m = grid.Size;
        var f = new double[m * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) f[i * m + j] = OptimalProfile.ClosedForm(family.Gauge(j - grid.Centre, i - grid.Centre), r);
        double norm = Math.Sqrt(f.Sum(v => v * v));
        return f.Select(v => v / norm).ToArray();
    }

    /// <summary>
    /// Largest |grid optimum − candidate| over the pixels, relative to the grid optimum's largest value, after scaling the
    /// candidate onto it by least squares.
    /// </summary>
    public static double Gap(double[] gridOptimum, double[] candidate)
    {
        double scale = gridOptimum.Zip(candidate, (a, b) => a * b).Sum() / candidate.Sum(b => b * b);
        double peak = gridOptimum.Max(Math.Abs);
        return gridOptimum.Zip(candidate, (a, b) => Math.Abs(a - scale * b)).Max() / peak;
    }
}
