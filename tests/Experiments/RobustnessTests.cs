using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>B3: the disk verdicts survive a second blur σ and longer training.</summary>
public class RobustnessTests
{
    /// <summary>
    /// Six seeds cannot decide the paired comparison whatever they show (B3PairedComparisonTests), so the Experiment
    /// tier's B3 is INCONCLUSIVE by construction; what it pins is that every claim was paired on its six seeds.
    /// </summary>
    [Test, Claim("B3"), Category("Experiment")]
    public void Six_seeds_pair_every_disk_claim_but_cannot_decide_robustness()
    {
        var result = ClaimAssert.MatchesRecordedVerdict("B3", Tier.Experiment, [Verdict.Inconclusive]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Figures.Select(Path.GetFileName), Does.Contain("b3_rate_changes.png"));
            foreach (var id in Autoencoders.Claims.Checks.B3Robustness.Claims)
                Assert.That(result.Metrics[$"{id}_paired_seeds"], Is.EqualTo(6), $"{id}: seeds that trained in both runs");
        });
    }

    /// <summary>The Gpu tier's 40 seeds can decide; its verdict is not recorded yet (no GPU run), so any decided verdict must be the one the spec expects.</summary>
    [Test, Claim("B3"), Category("Gpu")]
    public void Forty_seeds_judge_robustness_seed_by_seed() => ClaimAssert.MatchesRecordedVerdict("B3", Tier.Gpu, [Verdict.Inconclusive]);

    [Test, Claim("B3")]
    public void At_the_default_tier_B3_is_skipped_not_silently_passed()
    {
        var e = Assert.Throws<ClaimSkippedException>(() => ClaimChecks.All["B3"].Run(TestRun.Context(Tier.Default)));
        Assert.That(e!.Message, Does.Contain("Experiment tier"));
    }
}
