using Autoencoders.Analysis;
using Autoencoders.Claims;
using FsCheck;
using FsCheck.Fluent;
using Outcome = Autoencoders.Claims.Outcome;
using Interval = Autoencoders.Analysis.Interval;

namespace Autoencoders.Tests.Properties;

/// <summary>Verdicts over runs: exact binomial intervals, bootstrap intervals, and the three outcomes against a bar.</summary>
public class VerdictIntervalTests
{
    /// <summary>At k = n and k = 0 the Clopper–Pearson bounds have closed forms: (α/2)^(1/n) and 1 − (α/2)^(1/n).</summary>
    [TestCase(10), TestCase(3), TestCase(1)]
    public void Clopper_Pearson_matches_its_closed_forms_at_the_ends(int n)
    {
        double edge = Math.Pow(0.025, 1.0 / n);
        Assert.That(Intervals.ClopperPearson(n, n).Lower, Is.EqualTo(edge).Within(1e-9));
        Assert.That(Intervals.ClopperPearson(n, n).Upper, Is.EqualTo(1));
        Assert.That(Intervals.ClopperPearson(0, n).Upper, Is.EqualTo(1 - edge).Within(1e-9));
        Assert.That(Intervals.ClopperPearson(0, n).Lower, Is.Zero);
    }

    /// <summary>The tabulated exact interval for 6 of 10 (e.g. any binomial table): 0.2624 to 0.8784.</summary>
    [Test]
    public void Clopper_Pearson_for_6_of_10_is_the_tabulated_interval()
    {
        var ci = Intervals.ClopperPearson(6, 10);
        Assert.That(ci.Lower, Is.EqualTo(0.2624).Within(5e-4));
        Assert.That(ci.Upper, Is.EqualTo(0.8784).Within(5e-4));
    }

    [Test]
    public void Every_binomial_interval_contains_its_estimate_and_lies_in_0_1() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(1, 200).SelectMany(n => Gen.Choose(0, n).Select(k => (k, n)))), c =>
        {
            var ci = Intervals.ClopperPearson(c.k, c.n);
            return (ci.Lower >= 0 && ci.Upper <= 1 && ci.Lower <= ci.Estimate && ci.Estimate <= ci.Upper).Label($"{c.k}/{c.n}: {ci}");
        }));

    [Test]
    public void Impossible_counts_are_refused() =>
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => Intervals.ClopperPearson(3, 2));
            Assert.Throws<ArgumentException>(() => Intervals.ClopperPearson(0, 0));
            Assert.Throws<ArgumentException>(() => Intervals.ClopperPearson(-1, 4));
        });

    /// <summary>At a bar of 0.8, 10/10 cannot clear it: an unbroken run of successes needs 17 seeds (0.025^(1/17) = 0.805).</summary>
    [Test]
    public void Seventeen_clean_seeds_are_needed_to_show_a_rate_above_80_percent()
    {
        Assert.That(Intervals.SeedsToDecide(1.0, 0.8), Is.EqualTo(17));
        Assert.That(Intervals.SeedsToDecide(0.8, 0.8), Is.Null, "an estimate on the bar is never decided");
    }

    /// <summary>
    /// The chance that n seeds decide a rate against 0.5 (what sizes the Gpu tier's 40 disk seeds, Budget.cs). Expected
    /// values summed exactly in Python (binomial sums over the k whose Clopper–Pearson interval clears 0.5).
    /// </summary>
    [TestCase(2.0 / 3, 6, 0.0892), TestCase(2.0 / 3, 40, 0.5297), TestCase(2.0 / 3, 80, 0.8190), TestCase(5.0 / 6, 6, 0.3349),
     TestCase(5.0 / 6, 40, 0.9961), TestCase(1.0 / 3, 30, 0.4318)]
    public void The_chance_that_n_seeds_decide_a_rate_is_the_binomial_sum_over_deciding_counts(double rate, int n, double expected) =>
        Assert.That(Intervals.DecisionChance(rate, 0.5, n), Is.EqualTo(expected).Within(5e-4));

    /// <summary>A rate on the bar is decided (wrongly, either way) at most 5% of the time: Clopper–Pearson is conservative.</summary>
    [Test]
    public void A_rate_on_the_bar_is_decided_at_most_five_percent_of_the_time()
    {
        foreach (int n in new[] { 1, 6, 17, 40, 101 })
            Assert.That(Intervals.DecisionChance(0.5, 0.5, n), Is.LessThanOrEqualTo(0.05), $"n = {n}");
        Assert.That(Intervals.DecisionChance(1.0, 0.5, 6), Is.EqualTo(1).Within(1e-12), "control: a sure rate decides at 6/6 ([0.54, 1])");
        Assert.Throws<ArgumentException>(() => Intervals.DecisionChance(1.5, 0.5, 6));
    }

    [Test]
    public void The_bootstrap_of_identical_seeds_is_a_point_and_of_spread_seeds_an_interval_around_the_median()
    {
        var point = Intervals.Bootstrap([2.0, 2.0, 2.0], s => s.Average());
        Assert.That((point.Lower, point.Upper), Is.EqualTo((2.0, 2.0)));
        double[] spread = [0.9, 1.0, 1.1, 1.2, 1.4, 1.5, 2.0, 0.8];
        var ci = Intervals.Bootstrap(spread, MathNet.Numerics.Statistics.Statistics.Median);
        Assert.That(ci.Lower, Is.LessThan(ci.Estimate));
        Assert.That(ci.Upper, Is.GreaterThan(ci.Estimate));
        Assert.That(Intervals.Bootstrap(spread, MathNet.Numerics.Statistics.Statistics.Median), Is.EqualTo(ci), "seeded: the same interval every time");
    }

    [Test]
    public void One_seed_has_no_bootstrap_interval_so_it_never_decides_a_continuous_verdict()
    {
        var one = Intervals.Bootstrap([3.0], s => s.Average());
        Assert.That((one.Estimate, one.Lower, one.Upper), Is.EqualTo((3.0, double.NegativeInfinity, double.PositiveInfinity)));
        var evidence = Evidence.Continuous("ratio", one, null, 2, paperSideAbove: true, trained: 1, runs: 1, "more seeds");
        Assert.That(evidence.Outcome, Is.EqualTo(Outcome.Undecided), "one seed above the bar is not a PASS");
    }

    /// <summary>The three outcomes of the one rule: interval above the bar, below it, straddling it.</summary>
    [Test]
    public void An_interval_above_the_bar_holds_below_it_does_not_and_across_it_is_undecided()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Evidence.Rate("x", 17, 17, 17, 0.8, "t").Outcome, Is.EqualTo(Outcome.Held));
            Assert.That(Evidence.Rate("x", 0, 5, 5, 0.8, "t").Outcome, Is.EqualTo(Outcome.NotHeld));
            Assert.That(Evidence.Rate("x", 6, 10, 10, 0.8, "t").Outcome, Is.EqualTo(Outcome.Undecided));
            Assert.That(Evidence.Rate("x", 10, 10, 10, 0.8, "t").Outcome, Is.EqualTo(Outcome.Undecided), "10/10 cannot clear 0.8");
            Assert.That(Evidence.Rate("x", 6, 10, 10, 0.8, "a Gpu-tier run").Decider, Does.Contain("seeds").And.Contain("Gpu"));
            var below = new Evidence("error", new Interval(0.1, 0.05, 0.2, "test"), 0.3, PaperSideAbove: false, "", Trained: 3, Runs: 3);
            Assert.That(below.Outcome, Is.EqualTo(Outcome.Held), "a bar the paper's side lies under");
        });
    }

    /// <summary>
    /// The verdict reads the runs that trained; the reading over all runs counts the others as not holding and is
    /// reported beside it; no trained run decides nothing.
    /// </summary>
    [Test]
    public void A_rate_reads_the_trained_runs_and_reports_all_runs_beside_it()
    {
        var e = Evidence.Rate("x", held: 6, trained: 6, runs: 10, bar: 0.5, "t");
        Assert.Multiple(() =>
        {
            Assert.That(e.Interval.Estimate, Is.EqualTo(1.0), "6 of the 6 trained runs");
            Assert.That(e.Outcome, Is.EqualTo(Outcome.Held), "6/6 gives [0.54, 1], clear of 0.5");
            Assert.That(e.OverAllRuns!.Estimate, Is.EqualTo(0.6), "6 of all 10 runs");
            Assert.That(e.OutcomeOverAllRuns, Is.EqualTo(Outcome.Undecided), "6/10 gives [0.26, 0.88]");
            Assert.That(e.TrainedShare, Is.EqualTo(0.6));
            Assert.That(Evidence.Rate("x", 0, 0, 3, 0.5, "t").Outcome, Is.EqualTo(Outcome.Undecided), "no run trained");
            Assert.That(Evidence.Rate("x", 3, 3, 3, 0.5, "t").OverAllRuns, Is.Null, "every run trained: one reading");
            Assert.Throws<ArgumentException>(() => Evidence.Rate("x", 4, 3, 3, 0.5, "t"));
        });
    }

    /// <summary>Paired runs stay paired: a statistic of pairs (a, a) resamples to exactly 1.</summary>
    [Test]
    public void The_bootstrap_over_runs_keeps_the_values_of_one_seed_together()
    {
        var pairs = new[] { (1.0, 1.0), (2.0, 2.0), (5.0, 5.0), (0.3, 0.3) };
        var ci = Intervals.Bootstrap(pairs, s => s.Sum(p => p.Item1) / s.Sum(p => p.Item2));
        Assert.That((ci.Lower, ci.Upper), Is.EqualTo((1.0, 1.0)));
        var groups = Intervals.Bootstrap(new[] { 1.0, 1.0 }, new[] { 2.0, 2.0 }, (a, b) => a.Average() / b.Average());
        Assert.That((groups.Lower, groups.Estimate, groups.Upper), Is.EqualTo((0.5, 0.5, 0.5)));
    }

    /// <summary>
    /// Two groups are resampled separately: a ratio of group means whose groups differ in spread has an interval that
    /// a joint resampling of pairs would not give (here the numerator's group varies and the denominator's does not,
    /// so the interval's width comes from the first group alone).
    /// </summary>
    [Test]
    public void A_two_group_bootstrap_resamples_each_group_on_its_own()
    {
        double[] varying = [1, 2, 3, 4, 5, 6], constant = [2, 2, 2, 2, 2, 2];
        var ratio = Intervals.Bootstrap(varying, constant, (a, b) => a.Average() / b.Average());
        var inverse = Intervals.Bootstrap(constant, varying, (a, b) => a.Average() / b.Average());
        Assert.Multiple(() =>
        {
            Assert.That(ratio.Estimate, Is.EqualTo(1.75).Within(1e-12));
            Assert.That(ratio.Lower, Is.LessThan(1.75));
            Assert.That(ratio.Upper, Is.GreaterThan(1.75));
            Assert.That(inverse.Upper - inverse.Lower, Is.GreaterThan(0), "the varying group in the denominator spreads it too");
        });
    }

    /// <summary>
    /// An undefined resample (0/0) counts against the paper (the caller's choice), and an unbounded one (x/0) makes
    /// the interval unbounded rather than NaN.
    /// </summary>
    [Test]
    public void Undefined_and_unbounded_resamples_give_a_defined_interval()
    {
        double[] zeros = [0, 0, 0], ones = [1, 1, 1];
        var undefined = Intervals.Bootstrap(zeros, zeros, (a, b) => a.Average() / b.Average(), nanAs: double.NegativeInfinity);
        Assert.That((undefined.Lower, undefined.Upper), Is.EqualTo((double.NegativeInfinity, double.NegativeInfinity)));
        var unbounded = Intervals.Bootstrap(ones, zeros, (a, b) => a.Average() / b.Average());
        Assert.That(unbounded.Upper, Is.EqualTo(double.PositiveInfinity));
        Assert.That(double.IsNaN(unbounded.Lower), Is.False);
        var evidence = Evidence.Continuous("x", unbounded, null, 2, paperSideAbove: true, 3, 3, "t");
        Assert.That(evidence.Outcome, Is.EqualTo(Outcome.Held), "[∞, ∞] lies above the bar");
    }

    sealed class FixedCheck(string id, ClaimMeasurement measurement) : ClaimCheck
    {
        public override string Id => id;
        protected override ClaimMeasurement Measure(ClaimContext context) => measurement;
    }

    /// <summary>
    /// How the interval and the other required parts combine (D2's registry entry expects PASS, so NOT HELD reads FAIL):
    /// a failed part (no interval of its own) keeps an interval on the paper's side from deciding PASS, but cannot by
    /// itself decide NOT REPRODUCED; an interval clear of the bar on the other side decides, parts or not.
    /// </summary>
    [TestCase(17, 17, true, Verdict.Pass)]
    [TestCase(17, 17, false, Verdict.Inconclusive)]
    [TestCase(1, 1, true, Verdict.Inconclusive)]
    [TestCase(1, 1, false, Verdict.Inconclusive)]
    [TestCase(0, 1, true, Verdict.Inconclusive)]
    [TestCase(0, 17, true, Verdict.Fail)]
    [TestCase(0, 17, false, Verdict.Fail)]
    public void The_interval_and_the_other_parts_combine_into_one_verdict(int held, int runs, bool partsHeld, Verdict expected) =>
        _ = Combine("D2", held, runs, partsHeld, expected);

    /// <summary>The same for a claim recorded NOT REPRODUCED (D12): a failed part never makes it PASS nor decides it alone.</summary>
    [TestCase(17, 17, true, Verdict.Fail)]
    [TestCase(17, 17, false, Verdict.Inconclusive)]
    [TestCase(0, 17, true, Verdict.NotReproduced)]
    [TestCase(0, 17, false, Verdict.NotReproduced)]
    [TestCase(1, 1, false, Verdict.Inconclusive)]
    public void For_a_claim_recorded_not_reproduced_the_parts_combine_the_same_way(int held, int runs, bool partsHeld, Verdict expected) =>
        _ = Combine("D12", held, runs, partsHeld, expected);

    /// <summary>
    /// A part of the criterion the tier does not run (B2's autoencoder below the Gpu tier) works like a failed part: an
    /// interval on the paper's side cannot decide PASS without it, an interval on the other side decides anyway (every
    /// seed must meet every bar, so failing the parts that ran already fails the seed), and the summary says which.
    /// </summary>
    [TestCase("D2", 17, 17, true, Verdict.Inconclusive)]
    [TestCase("D2", 0, 17, true, Verdict.Fail)]
    [TestCase("D2", 1, 1, true, Verdict.Inconclusive)]
    [TestCase("D2", 17, 17, false, Verdict.Inconclusive)]
    [TestCase("D2", 0, 17, false, Verdict.Fail)]
    [TestCase("D12", 17, 17, true, Verdict.Inconclusive)]
    [TestCase("D12", 0, 17, true, Verdict.NotReproduced)]
    public void A_part_not_run_at_the_tier_blocks_pass_but_not_a_decided_failure(string id, int held, int runs, bool partsHeld, Verdict expected)
    {
        // D2's entry expects PASS (a decided failure reads FAIL), D12's NOT REPRODUCED (as B2Q's does).
        var result = Combine(id, held, runs, partsHeld, expected, notRun: "the autoencoder task");
        Assert.That(result.Summary, Does.Contain("the autoencoder task"));
        if (held == runs && runs == 17 && partsHeld) Assert.That(result.Summary, Does.Contain("would show the claim held"));
    }

    static ClaimResult Combine(string id, int held, int runs, bool partsHeld, Verdict expected, string? notRun = null)
    {
        var evidence = Evidence.Rate("x", held, runs, runs, 0.5, "t");
        var check = new FixedCheck(id, new ClaimMeasurement(partsHeld, new Dictionary<string, double>(), "fixed", [], evidence, notRun));
        var result = check.Run(TestRun.Context(Autoencoders.Configuration.Tier.Default));
        Assert.That(result.Verdict, Is.EqualTo(expected));
        return result;
    }
}
