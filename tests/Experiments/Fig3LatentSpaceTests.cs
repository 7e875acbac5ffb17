using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 3: the code represents the area (D3, right), and interpolating it gives disks (D4, left).</summary>
public class Fig3LatentSpaceTests
{
    [Test, Claim("D3"), Category("DefaultTier")]
    public void The_code_is_monotone_but_its_exponent_is_not_the_areas_as_recorded()
    {
        var result = ClaimAssert.OneSeedIsInconclusiveAndDid("D3", held: false);
        // #16.2, the band around the recorded distribution: a monotone code of one sign whose exponent over r ≥ 12 is
        // well above the area's 2 (measured 3.2; 2.9 over all radii), not a broken code that merely misses [1.5, 2.5].
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics["spearman_abs[seed1]"], Is.GreaterThanOrEqualTo(0.99));
            Assert.That(result.Metrics["code_one_sign[seed1]"], Is.EqualTo(1));
            Assert.That(result.Metrics["exponent_p[seed1]"], Is.InRange(2.6, 4.5));
        });
    }

    [Test, Claim("D3"), Category("Experiment")]
    public void The_code_exponent_over_six_seeds_matches_the_recorded_verdict()
    {
        // Recorded on fresh seeds 101–106: the area exponent in 2/6 seeds ([0.04, 0.78] against 0.5), INCONCLUSIVE;
        // the exponent is seed-dependent (0.25–2.89 over r ≥ 6). NOT REPRODUCED needs at most 0 of 6.
        var result = ClaimAssert.MatchesRecordedVerdict("D3", Tier.Experiment, [Verdict.Inconclusive], minTrainedShare: 1);
        // The band (#15 review): what was recorded is a monotone code of one sign in every seed with a seed-dependent
        // exponent, not a broken code that merely misses [1.5, 2.5].
        var seeds = result.Metrics.Keys.Where(k => k.StartsWith("spearman_abs[")).Select(k => k["spearman_abs".Length..]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Evidence!.Interval.Estimate, Is.LessThanOrEqualTo(0.5), "the area reading holds in at most half the seeds");
            Assert.That(seeds, Has.Length.EqualTo(6));
            Assert.That(seeds.Select(s => result.Metrics["spearman_abs" + s]), Is.All.GreaterThanOrEqualTo(0.99), "monotone in every seed");
            Assert.That(seeds.Select(s => result.Metrics["code_one_sign" + s]), Is.All.EqualTo(1), "of one sign in every seed");
            Assert.That(seeds.Select(s => result.Metrics["exponent_p" + s]), Is.All.InRange(0.1, 4.5), "recorded 0.25–2.89");
        });
    }

    [Test, Claim("D4"), Category("DefaultTier")]
    public void Decoding_a_linear_sweep_of_z_gives_disks_of_intermediate_size() => ClaimAssert.OneSeedIsInconclusiveAndDid("D4", held: true);

    [Test, Claim("D4"), Category("Experiment")]
    public void Interpolation_gives_disks_over_six_seeds()
    {
        // Recorded on fresh seeds 101–106: 5/6 ([0.36, 1.00] against 0.5), INCONCLUSIVE; monotone in 6/6, one seed's
        // decoded disks too far from a disk (0.27 against 0.15).
        var result = ClaimAssert.MatchesRecordedVerdict("D4", Tier.Experiment, [Verdict.Inconclusive], minTrainedShare: 1);
        Assert.That(result.Evidence!.Interval.Estimate, Is.GreaterThanOrEqualTo(0.66));
    }
}
