using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Claims.Checks;
using Autoencoders.Data;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Experiments;

/// <summary>Sec. 5.4, Fig. 10 (P4, P5): decoding a position to a Dirac, from continuous and from discrete training data.</summary>
public class Fig10DecodedDiracsTests
{
    [Test, Claim("P4"), Category("DefaultTier")]
    public void The_paper_depth_decoder_does_not_reliably_decode_positions_within_a_pixel()
    {
        // 10 seeds cannot show a rate above the 0.8 bar (10/10 gives [0.69, 1]): the verdict is INCONCLUSIVE (5–9 of 10
        // decode) or NOT REPRODUCED (4 or fewer), never PASS at this tier.
        var result = ClaimAssert.MatchesRecordedVerdict("P4", Tier.Default, [Verdict.Inconclusive], minTrainedShare: 1);
        // #16.2, the band around the recorded distribution (spec: 6/10 and 5/10 on two machines; within 1 px per seed
        // 0.65–1.00): the decoders train and most of each sweep lands within a pixel, so a broken training cannot pass
        // as "not reproduced".
        var withinPixel = result.Metrics.Where(m => m.Key.StartsWith("within_1px[")).Select(m => m.Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.3, 0.9), "share of seeds that decode");
            Assert.That(withinPixel, Has.Length.EqualTo(10));
            Assert.That(withinPixel.Average(), Is.GreaterThanOrEqualTo(0.75), "mean share of the sweep within a pixel");
        });
    }

    [Test, Claim("P4"), Category("Experiment")]
    public void Decoding_positions_over_thirty_seeds_matches_the_recorded_verdict()
    {
        // Thirty seeds decide against 0.8 (18/30 or fewer: NOT REPRODUCED); recorded on fresh seeds 101–130 as 14/30,
        // [0.28, 0.66]. Band: the decoders train and most of each sweep lands within a pixel.
        var result = ClaimAssert.MatchesRecordedVerdict("P4", Tier.Experiment, minTrainedShare: 1);
        var withinPixel = result.Metrics.Where(m => m.Key.StartsWith("within_1px[")).Select(m => m.Value).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(withinPixel, Has.Length.EqualTo(30));
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.25, 0.7), "share of seeds that decode (recorded 0.47)");
            Assert.That(withinPixel.Average(), Is.GreaterThanOrEqualTo(0.8), "mean share of the sweep within a pixel (recorded 0.91)");
            Assert.That(result.Metrics["wide_share_of_seeds_decoding"], Is.GreaterThanOrEqualTo(0.9), "the 4× decoder's finding (recorded 30/30)");
        });
    }

    [Test, Claim("P5"), Category("DefaultTier")]
    public void Discrete_against_continuous_decoding_matches_the_recorded_verdict()
    {
        // The paired bootstrap over 10 seeds straddles the 1.2 bar (measured 1.00 [0.76, 1.75]): INCONCLUSIVE, or NOT
        // REPRODUCED as recorded when the interval falls below it.
        var result = ClaimAssert.MatchesRecordedVerdict("P5", Tier.Default, [Verdict.Inconclusive], minTrainedShare: 1);
        // #16.2, the band around the recorded distribution: medians between integers 0.35–0.50 px on two machines.
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics["discrete_between_median_px"], Is.InRange(0.15, 0.8));
            Assert.That(result.Metrics["continuous_between_median_px"], Is.InRange(0.15, 0.8));
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.6, 1.7), "discrete / continuous");
        });
    }

    [Test, Claim("P5"), Category("Experiment")]
    public void Discrete_against_continuous_decoding_over_thirty_seeds_matches_the_recorded_verdict()
    {
        // Recorded on fresh seeds 101–130: 1.13 [0.77, 1.73] against 1.2 over the 25 seeds whose two decoders trained,
        // INCONCLUSIVE. Band: both decoders land within about half a pixel between the integers.
        var result = ClaimAssert.MatchesRecordedVerdict("P5", Tier.Experiment, [Verdict.Inconclusive], minTrainedShare: 0.7);
        Assert.Multiple(() =>
        {
            Assert.That(result.Metrics["discrete_between_median_px"], Is.InRange(0.25, 1.0));
            Assert.That(result.Metrics["continuous_between_median_px"], Is.InRange(0.25, 1.0));
            Assert.That(result.Evidence!.Interval.Estimate, Is.InRange(0.6, 1.8), "discrete / continuous");
        });
    }

    /// <summary>P4's per-seed test accepts the exact Dirac outputs and rejects them shifted by 1.5 px or reversed.</summary>
    [Test, Claim("P4")]
    public void The_per_seed_decoding_test_can_fail()
    {
        var sweep = DecodedDiracs.QuarterPixelSweep;
        DecodedDiracs Drawn(Func<double, double> where) =>
            new(sweep, sweep.Select(a => Diracs.Triangular(64, Math.Clamp(where(a), 0, 63))).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(P4DecodingPositions.Decodes(Drawn(a => a)), Is.True, "exact Diracs");
            Assert.That(P4DecodingPositions.Decodes(Drawn(a => a + 1.5)), Is.False, "shifted by 1.5 px");
            Assert.That(P4DecodingPositions.Decodes(Drawn(a => 63 - a)), Is.False, "moving backwards");
        });
    }
}
