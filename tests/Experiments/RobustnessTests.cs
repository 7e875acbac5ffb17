using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>B3: the disk verdicts survive a second blur σ and longer training.</summary>
public class RobustnessTests
{
    [Test, Claim("B3"), Category("Experiment")]
    public void The_disk_verdicts_hold_with_a_second_sigma_and_longer_training() => ClaimAssert.MatchesRecordedVerdict("B3", Tier.Experiment);

    [Test, Claim("B3")]
    public void At_the_default_tier_B3_is_skipped_not_silently_passed()
    {
        var e = Assert.Throws<ClaimSkippedException>(() => ClaimChecks.All["B3"].Run(TestRun.Context(Tier.Default)));
        Assert.That(e!.Message, Does.Contain("Experiment tier"));
    }
}
