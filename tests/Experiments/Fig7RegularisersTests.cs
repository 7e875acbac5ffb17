using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 7 (D12, D14): the hole training with ψ1, ψ2, ψ3 added, and how much the code across the hole varies between runs.</summary>
public class Fig7RegularisersTests
{
    [Test, Claim("D12"), Category("Experiment")]
    public void The_regulariser_ranking_over_six_seeds_matches_the_recorded_verdict()
    {
        // Recorded on fresh seeds: improvement 1.50 [0.50, 2.94] against 2, undecided; the failed part (ψ2's median hole
        // error below ψ3's) has no interval, so under the amended rule it cannot decide NOT REPRODUCED: INCONCLUSIVE.
        var result = ClaimAssert.MatchesRecordedVerdict("D12", Tier.Experiment, [Verdict.Inconclusive], minTrainedShare: 1);
        // #16.2, the band around the recorded evidence (hole errors 0.035–0.057): the runs train and reconstruct beside
        // the hole, and ψ3 changes the hole error by a modest factor.
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.75, 3.0));
            Assert.That(result.Metrics["none_near_error_median"], Is.LessThan(0.1));
            Assert.That(result.Metrics["ψ3_near_error_median"], Is.LessThan(0.1));
        });
    }

    [Test, Claim("D12"), Category("Gpu")]
    public void The_regulariser_ranking_over_ten_seeds_matches_the_recorded_verdict() => ClaimAssert.MatchesRecordedVerdict("D12", Tier.Gpu);

    [Test, Claim("D14"), Category("Experiment")]
    public void The_spread_of_the_code_across_runs_matches_the_recorded_verdict()
    {
        var result = ClaimAssert.MatchesRecordedVerdict("D14", Tier.Experiment, minTrainedShare: 1);
        // #16.2, the band around the recorded evidence (fresh seeds: ratio 0.75 [0.35, 1.87]; spreads 0.04–0.05).
        Assert.Multiple(() =>
        {
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.35, 1.6));
            Assert.That(result.Metrics["spread_unregularised_trained_runs"], Is.InRange(0.02, 0.08));
        });
    }

    [Test, Claim("D14"), Category("Gpu")]
    public void The_spread_of_the_code_across_ten_runs_matches_the_recorded_verdict() => ClaimAssert.MatchesRecordedVerdict("D14", Tier.Gpu);

    [TestCase("D12"), TestCase("D13"), TestCase("D14"), TestCase("D15"), Claim("D12")]
    public void The_regulariser_and_DCGAN_runs_are_skipped_at_the_default_tier_not_silently_passed(string id) =>
        Assert.Throws<ClaimSkippedException>(() => ClaimChecks.All[id].Run(TestRun.Context(Tier.Default)));

    /// <summary>The spread is 0 for runs that cross the hole identically and grows when one run departs.</summary>
    [Test, Claim("D14")]
    public void The_spread_across_runs_can_tell_identical_runs_from_differing_ones()
    {
        HoleCode Run(params double[] normalised) => new()
        {
            ErrorInHole = 0, ErrorNearHole = 1, CodeDeviation = 0, NormalisedCodeInHole = normalised, SweepRadii = [], SweepDiskMismatch = 0,
        };
        Assert.Multiple(() =>
        {
            Assert.That(HoleCode.Spread([Run(0.2, 0.4), Run(0.2, 0.4), Run(0.2, 0.4)]), Is.Zero);
            Assert.That(HoleCode.Spread([Run(0.2, 0.4), Run(0.2, 0.4), Run(0.6, 0.9)]), Is.GreaterThan(0.2));
            Assert.That(() => HoleCode.Spread([Run(0.2, 0.4)]), Throws.ArgumentException.With.Message.Contains("two runs"));
        });
    }
}
