using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// B2's check (#20) at the default tier: task 1 (regression) on the uniform split, plain and CoordConv encoders, two
/// seeds, the same trainings as <see cref="B2CoordinateRegressionTests"/>. Two seeds cannot decide a rate against 0.5
/// (2/2 gives [0.16, 1], 0/2 [0, 0.84]): the verdict is INCONCLUSIVE by construction; the test pins that, that the
/// negative control ran (an untrained network meeting a bar would throw: FAIL), and the figures.
/// </summary>
public class B2PlainConvolutionTests
{
    [Test, Claim("B2")]
    public void Two_seeds_of_regression_on_the_uniform_split_cannot_decide()
    {
        var result = ClaimAssert.MatchesRecordedVerdict("B2", Tier.Default, [Verdict.Inconclusive], minTrainedShare: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(result.Evidence!.Runs, Is.EqualTo(2), "two seeds");
            Assert.That(result.Metrics.Keys.Where(k => k.StartsWith("uniform.plain.regression_within_1px[")), Has.Exactly(2).Items);
            Assert.That(result.Metrics.Keys.Where(k => k.StartsWith("uniform.coordconv.regression_within_1px[")), Has.Exactly(2).Items);
            // The negative control ran and is reported: untrained encoders locate (almost) no test centre.
            Assert.That(result.Metrics.Where(m => m.Key.Contains(".control_regression_within_1px[")).Select(m => m.Value), Has.Exactly(4).Items.And.All.LessThan(0.1));
            Assert.That(result.Metrics.Keys.Any(k => k.StartsWith("quadrant.")), Is.False, "the default tier runs the uniform split only");
            Assert.That(result.Figures.Select(Path.GetFileName), Is.SupersetOf(new[]
                { "b2_regression_error_uniform_plain.png", "b2_regression_error_uniform_coordconv.png", "b2_against_coordconv.png" }));
            Assert.That(result.Figures, Is.All.Matches<string>(File.Exists));
        });
    }
}
