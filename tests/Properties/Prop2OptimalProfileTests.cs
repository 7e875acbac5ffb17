using Autoencoders.Theory;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// D9 (theory), Prop. 2: the discretised maximiser of J(f) agrees with the Airy closed form. Midpoint quadrature of
/// the double integral is second order, so on n points the profiles differ by O(h²) with h = R/n. Measured (the
/// problem is scale-invariant in R, so the gap is the same for every R): 8.85e-6 at n = 150, 2.23e-6 at n = 300,
/// 5.58e-7 at n = 600. We use n = 300 and allow 1e-5 (4.5× margin).
/// </summary>
public class Prop2OptimalProfileTests
{
    [TestCase(8.0), TestCase(18.0), TestCase(32.0), TestCase(45.0)]
    [Claim("D9")]
    public void The_numerical_optimum_matches_the_Airy_closed_form(double r) =>
        Assert.That(OptimalProfile.MaxDifference(r, 300), Is.LessThan(1e-5));

    [Test, Claim("D9")]
    public void The_gap_shrinks_like_h_squared()
    {
        double coarse = OptimalProfile.MaxDifference(32, 150), fine = OptimalProfile.MaxDifference(32, 300);
        Assert.That(coarse / fine, Is.GreaterThan(3), $"gap {coarse:g3} at n = 150, {fine:g3} at n = 300 (h² predicts 4×)");
    }

    [Test, Claim("D9")]
    public void The_closed_form_solves_the_Euler_Lagrange_equation()
    {
        const double r = 32, h = 1e-3;
        double k = OptimalProfile.K(r);
        Assert.That(OptimalProfile.ClosedForm(0, r), Is.EqualTo(1).Within(1e-12));
        Assert.That((OptimalProfile.ClosedForm(h, r) - 1) / h, Is.EqualTo(0).Within(1e-4), "y'(0) = 0");
        Assert.That(OptimalProfile.ClosedForm(r - 1e-9, r), Is.EqualTo(0).Within(1e-6), "first zero at R");
        foreach (double t in new[] { 3.0, 11, 20, 29 })
        {
            double y = OptimalProfile.ClosedForm(t, r);
            double ypp = (OptimalProfile.ClosedForm(t + h, r) - 2 * y + OptimalProfile.ClosedForm(t - h, r)) / (h * h);
            Assert.That(ypp, Is.EqualTo(-k * t * y).Within(1e-5), $"y'' = -k t y at t = {t}");
        }
    }

    [Test, Claim("D9")]
    public void Negative_control_a_profile_with_the_wrong_k_is_not_optimal()
    {
        // The closed form with the zero placed at 0.8 R differs from the numerical optimum by far more than the tolerance.
        var (rho, f) = OptimalProfile.Numerical(32, 300);
        double gap = rho.Select((t, i) => Math.Abs(f[i] - OptimalProfile.ClosedForm(t, 0.8 * 32))).Max();
        Assert.That(gap, Is.GreaterThan(0.05));
    }

    /// <summary>
    /// The learned profile averages the outputs' profiles scaled to unit peak; a network that draws nothing has none
    /// (NaN at every ring: found by the Gpu tier's smoke run, where a dead bias-free network stopped D10 with an index
    /// error), and a comparison with it fails rather than throws.
    /// </summary>
    [Test]
    public void A_network_that_draws_nothing_has_no_learned_profile_and_its_comparison_fails()
    {
        double[] a = [2, 1, 0], b = [0.5, -1, 0.25], silent = [0, 1e-9, 0];
        Assert.That(Autoencoders.Analysis.RadialProfiles.Learned([a, b, silent]), Is.EqualTo(new[] { (1 - 0.5) / 2, (0.5 + 1) / 2, -0.125 }).Within(1e-12));
        var none = Autoencoders.Analysis.RadialProfiles.Learned([silent, new double[3]]);
        Assert.That(none, Has.Length.EqualTo(3).And.All.NaN);
        Assert.That(Autoencoders.Analysis.RadialProfiles.CompareWithOptimum(none, 32).MaxGap, Is.NaN, "no gap can be measured, so no bound is met");
        Assert.Throws<ArgumentException>(() => Autoencoders.Analysis.RadialProfiles.Learned([]));
    }
}
