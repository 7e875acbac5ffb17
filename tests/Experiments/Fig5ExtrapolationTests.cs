using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 5 and Fig. 13 (D10): trained on r ≤ 18 only, the autoencoder does not extrapolate to larger disks.</summary>
public class Fig5ExtrapolationTests
{
    [Test, Claim("D10")]
    public void Disks_larger_than_any_seen_in_training_come_back_as_smaller_observed_ones() => ClaimAssert.OneSeedIsInconclusiveAndDid("D10", held: true);

    [Test, Claim("D10"), Category("Experiment")]
    public void No_extrapolation_and_a_profile_supported_up_to_R_over_six_seeds() => ClaimAssert.MatchesRecordedVerdict("D10", Tier.Experiment);
}
