using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 2 (D2): an autoencoder with a scalar code reconstructs held-out disks.</summary>
public class Fig2ReconstructionTests
{
    [Test, Claim("D2")]
    public void A_d1_autoencoder_encodes_and_decodes_held_out_disks() => ClaimAssert.OneSeedIsInconclusiveAndDid("D2", held: true);

    [Test, Claim("D2"), Category("Experiment")]
    public void A_d1_autoencoder_encodes_and_decodes_held_out_disks_over_six_seeds() => ClaimAssert.MatchesRecordedVerdict("D2", Tier.Experiment);
}
