using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 6 (D11): trained without radii in (11, 18), the autoencoder fails on disks in the hole.</summary>
public class Fig6HoleTests
{
    [Test, Claim("D11")]
    public void Disks_in_the_hole_of_the_training_radii_are_not_reconstructed() => ClaimAssert.OneSeedIsInconclusiveAndDid("D11", held: true);

    [Test, Claim("D11"), Category("Experiment")]
    public void Disks_in_the_hole_are_not_reconstructed_over_six_seeds() => ClaimAssert.MatchesRecordedVerdict("D11", Tier.Experiment);
}
