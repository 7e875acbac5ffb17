using Autoencoders.Theory;

namespace Autoencoders.Tests.Approvals;

/// <summary>P1, Table 2: the [1, 2, 1] network on all eight one-hot vectors of size 8.</summary>
public class Table2Tests
{
    [Test, Claim("P1")]
    public void The_linear_121_network_maps_every_one_hot_of_size_8_to_its_inverted_position() =>
        Snapshot.Text(PositionFilter.Table2());

    /// <summary>Table 2 as `verify` judges it: the check itself, not only the property behind it, runs in the quick tier (#16.9).</summary>
    [Test, Claim("P1")]
    public void The_P1_check_run_by_verify_passes() =>
        Assert.That(ClaimAssert.MatchesRecordedVerdict("P1", Autoencoders.Configuration.Tier.Default).Verdict, Is.EqualTo(Autoencoders.Claims.Verdict.Pass));
}
