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
    /// Fig. 12 as numbers: the default tier's bias-free network (seed 1) beside the optimum. Rounded to 0.1 so that
    /// float noise across CPUs cannot flip a digit; the numeric criterion lives in the D9 check (max gap &lt; 0.1).
    /// </summary>
    [Test, Claim("D9")]
    public void The_profile_learned_without_biases_sits_on_the_optimum()
    {
        var context = TestRun.Context(Tier.Default);
        var learned = context.Evaluate(context.Disks.BiasFree)[0].LearnedProfile;
        var (scaled, optimal, _) = RadialProfiles.CompareWithOptimum(learned, 32);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder("t | optimal | learned | difference\n");
        foreach (int k in new[] { 0, 8, 16, 20, 24, 28, 31, 36, 44 })
            text.AppendLine(inv, $"{k + 0.5,4:0.0} | {optimal[k]:0.0} | {scaled[k]:0.0} | {Math.Round(scaled[k] - optimal[k], 1) + 0.0:0.0}");
        Snapshot.Text(text.ToString());
    }
}
