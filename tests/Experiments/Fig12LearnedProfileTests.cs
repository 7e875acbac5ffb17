using Autoencoders.Claims;
using Autoencoders.Claims.Checks;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// Fig. 12 (D9, learned part): the profile the bias-free network learns lies on Prop. 2's optimum for R = 32 and not
/// on the optimum for R = 24 (the control). Asserted with tolerances, per seed (#16.3); the theory part is in
/// tests/Properties and tests/Approvals.
/// </summary>
public class Fig12LearnedProfileTests
{
    static void LearnedProfileSitsOnTheOptimum(ClaimResult result)
    {
        var gaps = result.Metrics.Where(m => m.Key.StartsWith("learned_max_gap[")).ToList();
        var controls = result.Metrics.Where(m => m.Key.StartsWith($"control_gap_R{D9OptimalProfile.ControlRadius:0}[")).ToList();
        Assert.That(gaps, Is.Not.Empty);
        Assert.That(controls, Has.Count.EqualTo(gaps.Count));
        Assert.Multiple(() =>
        {
            foreach (var (name, gap) in gaps) Assert.That(gap, Is.LessThan(D9OptimalProfile.MaxLearnedGap), name);
            foreach (var (name, gap) in controls) Assert.That(gap, Is.GreaterThanOrEqualTo(D9OptimalProfile.MaxLearnedGap), $"{name}: the optimum for the wrong R must not match");
            Assert.That(result.Metrics["max_gap_numerical_vs_airy"], Is.LessThan(D9OptimalProfile.Tolerance));
        });
    }

    [Test, Claim("D9"), Category("DefaultTier")]
    public void The_profile_learned_without_biases_is_the_optimum_for_R_32_not_for_R_24() =>
        LearnedProfileSitsOnTheOptimum(ClaimAssert.OneSeedIsInconclusiveAndDid("D9", held: true));

    [Test, Claim("D9"), Category("Experiment")]
    public void The_learned_profile_is_the_optimum_in_every_seed_at_paper_scale() =>
        LearnedProfileSitsOnTheOptimum(ClaimAssert.MatchesRecordedVerdict("D9", Tier.Experiment));
}
