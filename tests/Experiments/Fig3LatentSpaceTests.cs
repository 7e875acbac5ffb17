using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 3: the code represents the area (D3, right), and interpolating it gives disks (D4, left).</summary>
public class Fig3LatentSpaceTests
{
    [Test, Claim("D3")]
    public void The_code_is_monotone_but_its_exponent_is_not_the_areas_as_recorded() => ClaimAssert.OneSeedIsInconclusiveAndDid("D3", held: false);

    [Test, Claim("D3"), Category("Experiment")]
    public void The_code_exponent_over_three_seeds_matches_the_recorded_verdict() => ClaimAssert.MatchesRecordedVerdict("D3", Tier.Experiment);

    [Test, Claim("D4")]
    public void Decoding_a_linear_sweep_of_z_gives_disks_of_intermediate_size() => ClaimAssert.OneSeedIsInconclusiveAndDid("D4", held: true);

    [Test, Claim("D4"), Category("Experiment")]
    public void Interpolation_gives_disks_for_each_of_three_seeds() => ClaimAssert.MatchesRecordedVerdict("D4", Tier.Experiment);
}
