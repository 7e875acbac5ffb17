using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.RootFinding;

namespace Autoencoders.Theory;

/// <summary>
/// Prop. 2 (Sec. 4.3, App. B): the bias-free decoder's profile f maximises
///   J(f) = ∫₀^R A(r)² dr,  A(r) = ∫₀^r f(ρ) ρ dρ,  subject to ∫₀^R f(ρ)² ρ dρ = 1
/// (the 2-D norm ‖f‖² of a radial f, up to the constant 2π, which does not change the maximiser).
///
/// Closed form. Varying f: μ f(ρ) = ∫_ρ^R A(r) dr, so μ f′ = −A and μ f″ = −ρ f: f solves y″ = −k t y with
/// k = 1/μ, f′(0) = 0 and f(R) = 0. With x = k^{1/3} t the solution with (y, y′)(0) = (1, 0) is
///   y(t) = [Ai(−x) + Bi(−x)/√3] / (2 Ai(0))    (Bi(0) = √3 Ai(0), Bi′(0) = −√3 Ai′(0)),
/// and f(R) = 0 with no earlier zero fixes k = (x₀/R)³, x₀ the first positive zero of Ai(−x) + Bi(−x)/√3.
/// </summary>
public static class OptimalProfile
{
    static readonly double Ai0 = SpecialFunctions.AiryAi(0);

    /// <summary>y(x) = [Ai(−x) + Bi(−x)/√3] / (2 Ai(0)), the solution of y″ = −x y with (y, y′)(0) = (1, 0).</summary>
    public static double Airy(double x) => (SpecialFunctions.AiryAi(-x) + SpecialFunctions.AiryBi(-x) / Math.Sqrt(3)) / (2 * Ai0);

    /// <summary>x₀ ≈ 2.0 (computed): the first positive zero of <see cref="Airy"/>, found by bracketing and Brent.</summary>
    public static double FirstZero()
    {
        double lo = 0, step = 0.01;
        while (Airy(lo + step) > 0) lo += step;
        return Brent.FindRoot(Airy, lo, lo + step, 1e-14, 200);
    }

    /// <summary>k = (x₀/R)³, the constant of y″ = −k t y for which f vanishes first at R.</summary>
    public static double K(double r) => Math.Pow(FirstZero() / CheckR(r), 3);

    /// <summary>The closed-form optimum at t, normalised so f(0) = 1 (zero beyond R).</summary>
    public static double ClosedForm(double t, double r) => t >= r ? 0 : Airy(Math.Cbrt(K(r)) * t);

    /// <summary>
    /// The numerical optimum on n midpoints ρ_i = (i + ½)h, h = R/n: with g_i = f(ρ_i), J ≈ gᵀMg,
    /// M_ij = h² ρ_i ρ_j (R − max(ρ_i, ρ_j)) and the constraint gᵀDg = 1, D = diag(h ρ_i). The top eigenvector of
    /// D^{-½} M D^{-½} gives g; returned normalised so the value extrapolated to ρ = 0 is 1.
    /// </summary>
    public static (double[] Rho, double[] F) Numerical(double r, int n)
    {
        CheckR(r);
        if (n < 8) throw new ArgumentException($"need at least 8 grid points (got {n})");
        double h = r / n;
        var rho = Enumerable.Range(0, n).Select(i => (i + 0.5) * h).ToArray();
        var s = Matrix<double>.Build.Dense(n, n, (i, j) =>
            h * h * rho[i] * rho[j] * (r - Math.Max(rho[i], rho[j])) / Math.Sqrt(h * rho[i] * h * rho[j]));
        var evd = s.Evd(Symmetricity.Symmetric);
        int top = Enumerable.Range(0, n).MaxBy(i => evd.EigenValues[i].Real);
        var q = evd.EigenVectors.Column(top);
        var f = Enumerable.Range(0, n).Select(i => q[i] / Math.Sqrt(h * rho[i])).ToArray();
        // f′(0) = 0: the first two midpoints extrapolate quadratically to ρ = 0 as f(0) ≈ (9 f₀ − f₁)/8.
        double f0 = (9 * f[0] - f[1]) / 8;
        return (rho, f.Select(v => v / f0).ToArray());
    }

    /// <summary>Largest |numerical − closed form| over the grid, both normalised to f(0) = 1.</summary>
    public static double MaxDifference(double r, int n)
    {
        var (rho, f) = Numerical(r, n);
        return rho.Select((t, i) => Math.Abs(f[i] - ClosedForm(t, r))).Max();
    }

    static double CheckR(double r) => r > 0 && double.IsFinite(r) ? r : throw new ArgumentException($"R = {r} must be a finite number > 0");
}
