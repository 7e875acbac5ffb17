using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 2 (D2): an autoencoder with a scalar code reconstructs held-out disks.</summary>
public class Fig2ReconstructionTests
{
    [Test, Claim("D2"), Category("DefaultTier")]
    public void A_d1_autoencoder_encodes_and_decodes_held_out_disks() => ClaimAssert.OneSeedIsInconclusiveAndDid("D2", held: true);

    [Test, Claim("D2"), Category("Experiment")]
    public void A_d1_autoencoder_encodes_and_decodes_held_out_disks_over_six_seeds()
    {
        // Recorded on fresh seeds 101–106: 4/6 hold ([0.22, 0.96] against 0.5), INCONCLUSIVE; a slow seed (105) and a
        // radius error above 1 px at r ≥ 6 are the failures. PASS needs 6/6.
        var result = ClaimAssert.MatchesRecordedVerdict("D2", Tier.Experiment, [Verdict.Inconclusive], minTrainedShare: 1);
        Assert.That(result.Evidence!.Interval.Estimate, Is.GreaterThanOrEqualTo(0.5), "most seeds reconstruct");
    }
}
