using Autoencoders.Analysis;
using System.Globalization;
using System.Text;
using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Claims.Checks;
using Autoencoders.Experiments;
using Autoencoders.Theory;

namespace Autoencoders.Tests.Approvals;

/// <summary>D9 (theory): the optimal profile of Prop. 2 for R = 32, closed form beside the numerical optimum.</summary>
public class Fig12OptimalProfileTests
{
    [Test, Claim("D9")]
    public void The_optimal_profile_for_R_32_is_the_Airy_closed_form()
    {
        const double r = 32;
        var (rho, f) = OptimalProfile.Numerical(r, 300);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"R = {r}");
        text.AppendLine(inv, $"first zero x0 of Ai(-x) + Bi(-x)/sqrt(3): {OptimalProfile.FirstZero():0.00000}");
        text.AppendLine(inv, $"k = (x0/R)^3: {OptimalProfile.K(r):0.000000e+00}");
        text.AppendLine("t | closed form | numerical");
        foreach (double t in new[] { 0.0, 4, 8, 12, 16, 20, 24, 28, 31 })
        {
            int i = Array.FindIndex(rho, p => p >= t);
            double numerical = i == 0 ? 1 : f[i - 1] + (f[i] - f[i - 1]) * (t - rho[i - 1]) / (rho[i] - rho[i - 1]);
            text.AppendLine(inv, $"{t,4:0} | {OptimalProfile.ClosedForm(t, r):0.000} | {numerical:0.000}");
        }
        Snapshot.Text(text.ToString());
    }

    /// <summary>
    /// Fig. 12 learned column (#16.8: no longer an approval snapshot, since the learned value at t = 31.5 sat 0.01–0.03
    /// from a rounding cut): the default tier's bias-free network (seed 1), scaled onto the optimum, lies within the
    /// D9 bound of it at every ring shown in the paper's figure.
    /// </summary>
    [Test, Claim("D9"), Category("DefaultTier")]
    public void The_profile_learned_without_biases_sits_on_the_optimum()
    {
        var context = TestRun.Context(Tier.Default);
        var learned = context.Evaluate(context.Disks.BiasFree)[0].LearnedProfile;
        var (_, scaled, optimal, _) = RadialProfiles.CompareWithOptimum(learned, 32);
        Assert.Multiple(() =>
        {
            foreach (int k in new[] { 0, 8, 16, 20, 24, 28, 31, 36, 44 })
                Assert.That(scaled[k], Is.EqualTo(optimal[k]).Within(Autoencoders.Claims.Checks.D9OptimalProfile.MaxLearnedGap), $"t = {k + 0.5}");
        });
    }
}
