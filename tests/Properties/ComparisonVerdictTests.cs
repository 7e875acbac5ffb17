using Autoencoders.Analysis;
using Autoencoders.Claims;
using Autoencoders.Claims.Checks;
using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// The verdict logic of the claims judged by comparing outcomes (B1) or by every bar of several tasks (B2), on
/// synthetic outcomes: the default tier decides nothing, so its runs alone never exercise these paths.
/// </summary>
public class ComparisonVerdictTests
{
    static B1Shapes.Pair Pair(string claim, Outcome disk, Outcome shape, ShapeFamily? family = null) => new(claim, family ?? ShapeFamily.Squares, disk, shape, null, null);

    [Test]
    public void B1_holds_when_every_comparison_is_decided_and_agrees()
    {
        var (held, undecided) = B1Shapes.Decide([Pair("D2", Outcome.Held, Outcome.Held), Pair("D3", Outcome.NotHeld, Outcome.NotHeld)], "more seeds");
        Assert.That((held, undecided), Is.EqualTo((true, (string?)null)));
    }

    [Test]
    public void B1_is_undecided_while_a_side_is_undecided_even_when_the_outcomes_match()
    {
        var (held, undecided) = B1Shapes.Decide([Pair("D2", Outcome.Held, Outcome.Held), Pair("D3", Outcome.Undecided, Outcome.Undecided, ShapeFamily.Ellipses)], "more seeds");
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.True);
            Assert.That(undecided, Does.Contain("ellipses D3").And.Contain("1 of 2"));
        });
    }

    [Test]
    public void B1_does_not_hold_when_a_decided_comparison_disagrees_whatever_else_is_undecided()
    {
        var (held, undecided) = B1Shapes.Decide([Pair("D6", Outcome.Held, Outcome.NotHeld), Pair("D9", Outcome.Held, Outcome.Undecided)], "more seeds");
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.False);
            Assert.That(undecided, Does.Contain("squares D9"));
        });
    }

    /// <summary>A check with B1's id whose measurement is given: how ClaimCheck.Run turns Held and Undecided into a verdict.</summary>
    sealed class Given(bool held, string? undecided) : ClaimCheck
    {
        public override string Id => "B1";
        protected override ClaimMeasurement Measure(ClaimContext context) => new(held, new Dictionary<string, double>(), "given", [], Undecided: undecided);
    }

    [TestCase(true, null, Verdict.Pass)]
    [TestCase(true, "a side is undecided", Verdict.Inconclusive)]
    [TestCase(false, "a side is undecided", Verdict.Fail)]
    [TestCase(false, null, Verdict.Fail)]
    public void A_comparison_claim_is_inconclusive_only_while_nothing_decided_against_it(bool held, string? undecided, Verdict expected)
    {
        var result = new Given(held, undecided).Run(new ClaimContext(Budget.For(Tier.Default), null!, Path.GetTempPath()));
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(expected));
            if (undecided is not null) Assert.That(result.Summary, Does.Contain(undecided), "what is undecided is always said");
        });
    }

    static readonly Trainability Trained = new(0.01, 0), Untrained = new(0.99, 0);

    static CoordinateRegressionExperiment.Evaluation Regression(double withinPixel, Trainability t)
    {
        // 100 test centres; the first withinPixel·100 predicted exactly, the rest 3 px off.
        var centres = Enumerable.Range(0, 100).Select(i => (4 + i % 50, 4 + i / 50)).ToArray();
        var predicted = centres.Select((c, i) => (c.Item1 + (i < withinPixel * 100 ? 0.0 : 3.0), (double)c.Item2)).ToArray();
        return new(centres, predicted, t);
    }

    static CoordinateRenderingExperiment.Evaluation Rendering(double iou, Trainability t) => new([(4, 4)], [iou], [0.1], t);

    static B2PlainConvolutionPosition.Networks Networks(CoordinateRegressionExperiment.Evaluation[] r, CoordinateRenderingExperiment.Evaluation[]? rendering) =>
        new(NotSoClevrSplit.Uniform, false, Enumerable.Range(1, r.Length).ToArray(), r, rendering, null);

    [Test]
    public void B2_a_seed_holds_when_it_meets_every_bar_of_the_tasks_the_tier_runs()
    {
        var regressionOnly = Networks([Regression(0.97, Trained), Regression(0.90, Trained)], null);
        var withRendering = Networks([Regression(0.97, Trained), Regression(0.97, Trained)], [Rendering(0.95, Trained), Rendering(0.5, Trained)]);
        Assert.Multiple(() =>
        {
            Assert.That(regressionOnly.Held(0), Is.True, "0.97 within 1 px, no rendering at this tier");
            Assert.That(regressionOnly.Held(1), Is.False, "0.90 within 1 px");
            Assert.That(withRendering.Held(0), Is.True);
            Assert.That(withRendering.Held(1), Is.False, "rendering IoU 0.5 fails the seed");
        });
    }

    [Test]
    public void B2_a_seed_counts_only_when_every_network_of_it_trained()
    {
        var n = Networks([Regression(0.97, Trained), Regression(0.97, Trained), Regression(0.97, Untrained)], [Rendering(0.95, Untrained), Rendering(0.95, Trained), Rendering(0.95, Trained)]);
        var rate = n.Rate("more seeds");
        Assert.Multiple(() =>
        {
            Assert.That(n.Trained(0), Is.False, "its renderer did not train");
            Assert.That(n.Trained(1), Is.True);
            Assert.That(n.Trained(2), Is.False, "its encoder did not train");
            Assert.That((rate.Trained, rate.Runs), Is.EqualTo((1, 3)));
            Assert.That(rate.Interval.Estimate, Is.EqualTo(1.0), "the one seed that counts held");
        });
    }
}
