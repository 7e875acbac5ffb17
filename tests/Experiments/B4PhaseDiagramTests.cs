using Autoencoders.Claims;
using Autoencoders.Claims.Checks;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>B4: the phase diagram of the gap in the training radii (gap / beside error ratio against the gap's width).</summary>
public class B4PhaseDiagramTests
{
    /// <summary>
    /// The default tier's minimal sweep (w ∈ {0, 7}, centre 14.5, one seed): one seed has no interval, so the verdict
    /// is INCONCLUSIVE by construction; what the test pins is what the seed did: it trained, the gap of D11's width
    /// fails (ρ ≥ 2 on B4's middle window; the training is D11's) and no gap does not (the control).
    /// </summary>
    [Test, Claim("B4")]
    public void One_seed_fails_in_a_gap_of_width_7_and_not_without_a_gap()
    {
        var result = ClaimAssert.MatchesRecordedVerdict("B4", Tier.Default, [Verdict.Inconclusive], minTrainedShare: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), "one seed has no interval");
            Assert.That(result.Metrics["ratio_median[c14p5_none_w7]"], Is.GreaterThanOrEqualTo(B4GapWidth.Bar), "the gap of D11's width fails");
            Assert.That(result.Metrics["ratio_median[c14p5_none_w0]"], Is.LessThan(B4GapWidth.Bar), "no gap, no failure");
            Assert.That(result.Figures.Select(Path.GetFileName), Is.EquivalentTo(new[] { "b4_phase_diagram.png", "b4_gap_strip.png" }));
            Assert.That(result.Figures.All(File.Exists));
        });
    }
}
