using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 3: the code represents the area (D3, right), and interpolating it gives disks (D4, left).</summary>
public class Fig3LatentSpaceTests
{
    [Test, Claim("D3")]
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
    public void The_code_exponent_over_six_seeds_matches_the_recorded_verdict() => ClaimAssert.MatchesRecordedVerdict("D3", Tier.Experiment);

    [Test, Claim("D4")]
    public void Decoding_a_linear_sweep_of_z_gives_disks_of_intermediate_size() => ClaimAssert.OneSeedIsInconclusiveAndDid("D4", held: true);

    [Test, Claim("D4"), Category("Experiment")]
    public void Interpolation_gives_disks_over_six_seeds() => ClaimAssert.MatchesRecordedVerdict("D4", Tier.Experiment);
}
