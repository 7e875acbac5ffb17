using Autoencoders.Analysis;
using Autoencoders.Claims.Checks;
using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Training;
using FsCheck;
using FsCheck.Fluent;
using Interval = Autoencoders.Analysis.Interval;

namespace Autoencoders.Tests.Properties;

/// <summary>B4's sweep without training: the gap windows, the critical width and its interval, the control, and which cells are shared with D11 and D12.</summary>
public class GapWidthTests
{
    [Test, Claim("B4")]
    public void A_gap_of_width_7_at_14_5_is_the_papers_hole_and_its_middle_window_is_its_middle_half()
    {
        var gap = Hole.Around(14.5, 7);
        Assert.That((gap.Low, gap.High), Is.EqualTo((11.0, 18.0)));
        Assert.That((gap.Middle.Lo, gap.Middle.Hi), Is.EqualTo((12.75, 16.25)));
        Assert.That((gap.Below.Lo, gap.Below.Hi, gap.Above.Lo, gap.Above.Hi), Is.EqualTo((7.0, 10.0, 19.0, 22.0)), "D11's beside windows");
        var none = Hole.Around(14.5, 0);
        Assert.That((none.Middle.Lo, none.Middle.Hi), Is.EqualTo((14.0, 15.0)), "no gap: the 1 px window at the centre (test radii 14.25, 14.75)");
        Assert.Throws<ArgumentException>(() => Hole.Around(14.5, -1));
    }

    [Test, Claim("B4")]
    public void The_middle_window_is_inside_the_gap_and_at_least_a_pixel_wide_for_every_width() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Gen.Choose(0, 200).Select(i => i / 20.0).ToArbitrary(), Gen.Choose(40, 280).Select(i => i / 10.0).ToArbitrary(), (w, c) =>
        {
            var g = Hole.Around(c, w);
            bool inside = w < 2 || (g.Middle.Lo >= g.Low && g.Middle.Hi <= g.High);
            return (inside && g.Middle.Hi - g.Middle.Lo >= 1 - 1e-12 && Math.Abs(g.Centre - c) < 1e-12).Label($"w = {w}, c = {c}: middle {g.Middle}");
        }));

    static Interval Point(double v, double lo, double hi) => new(v, lo, hi, "test");

    [Test, Claim("B4")]
    public void The_critical_width_is_the_first_width_whose_interval_clears_the_bar()
    {
        double[] widths = [0, 3, 7];
        Assert.That(CriticalWidth.FirstFailing(widths, [Point(1, 0.8, 1.2), Point(2.5, 2.1, 3), Point(5, 4, 6)], 2), Is.EqualTo(3));
        Assert.That(CriticalWidth.FirstFailing(widths, [Point(1, 0.8, 1.2), Point(2.5, 1.5, 3), Point(5, 2, 6)], 2), Is.EqualTo(7), "an interval touching the bar from above fails");
        Assert.That(CriticalWidth.FirstFailing(widths, [Point(1, 0.8, 1.2), Point(2.5, 1.5, 3), Point(5, 1.9, 6)], 2), Is.Null, "none clears: w* lies beyond the sweep");
        Assert.Throws<ArgumentException>(() => CriticalWidth.FirstFailing([0, 7, 3], [Point(1, 1, 1), Point(1, 1, 1), Point(1, 1, 1)], 2));
        Assert.Throws<ArgumentException>(() => CriticalWidth.FirstFailing(widths, [Point(1, 1, 1)], 2));
    }

    [Test, Claim("B4")]
    public void The_bootstrap_of_the_critical_width_spans_the_widths_the_seeds_disagree_on()
    {
        double[] widths = [0, 3, 7];
        var agree = Enumerable.Range(0, 6).Select(_ => new[] { 1.0, 2.5, 6 }).ToArray();
        var a = CriticalWidth.Crossing(widths, agree, 2);
        Assert.That((a.Estimate, a.Lower, a.Upper), Is.EqualTo((3.0, 3.0, 3.0)), "every seed fails from width 3");
        var never = Enumerable.Range(0, 6).Select(_ => new[] { 1.0, 1.2, 1.5 }).ToArray();
        Assert.That(CriticalWidth.Crossing(widths, never, 2).Lower, Is.EqualTo(double.PositiveInfinity), "no width reaches the bar in any resample");
        double[][] split = [[1, 2.5, 6], [1, 2.5, 6], [1, 2.5, 6], [1, 1.1, 6], [1, 1.1, 6], [1, 1.1, 6]];
        var s = CriticalWidth.Crossing(widths, split, 2);
        Assert.That((s.Lower, s.Upper), Is.EqualTo((3.0, 7.0)), "half the seeds fail at 3, the others at 7");
        Assert.That(s.Estimate, Is.EqualTo(7.0), "over all six seeds the median at width 3 is (1.1 + 2.5) / 2 = 1.8 < 2");
    }

    /// <summary>A cell whose seeds have gap/beside ratios <paramref name="ratios"/>, and whose no-gap network has ratio <paramref name="control"/> on its windows.</summary>
    static B4GapWidth.Cell Cell(double width, double control, params double[] ratios) =>
        new(new GapCell(14.5, width, Regulariser.None), ratios.Select((r, k) => new B4GapWidth.SeedMeasure(k + 1, r, 1, control, 1, 0.01, Trained: true)).ToArray());

    [Test, Claim("B4")]
    public void The_no_gap_control_throws_when_the_measure_sees_a_failure_without_a_gap_at_any_width()
    {
        var good = new B4GapWidth.Row(14.5, Regulariser.None, [Cell(0, 1.0, 1.0, 1.1, 0.9), Cell(7, 1.2, 3, 4, 5)]);
        Assert.DoesNotThrow(() => B4GapWidth.AssertControl([good]));
        var brokenAtZero = good with { Cells = [Cell(0, 2.5, 2.5, 3, 1.9), Cell(7, 1.2, 3, 4, 5)] };
        Assert.That(() => B4GapWidth.AssertControl([good, brokenAtZero]), Throws.InvalidOperationException.With.Message.Contains("negative control failed"));
        var brokenAtSeven = good with { Cells = [Cell(0, 1.0, 1.0), Cell(7, 2.0, 3, 4, 5)] };
        Assert.That(() => B4GapWidth.AssertControl([brokenAtSeven]), Throws.InvalidOperationException.With.Message.Contains("width 7"),
            "the no-gap network on width 7's windows is a control too");
        Assert.Throws<ArgumentException>(() => B4GapWidth.AssertControl([good with { Cells = [Cell(3, 1, 1), Cell(7, 1, 3)] }]), "a sweep must start at its control");
    }

    [Test, Claim("B4")]
    public void The_crossing_width_interval_ends_on_widths_of_the_sweep()
    {
        double[] widths = [0, 1, 2, 3, 4, 5, 7, 9];
        var random = new Random(4);
        var seeds = Enumerable.Range(0, 10).Select(_ => widths.Select(w => 0.5 + w * (0.2 + 0.3 * random.NextDouble())).ToArray()).ToArray();
        var c = CriticalWidth.Crossing(widths, seeds, 2);
        Assert.That(widths, Does.Contain(c.Lower).And.Contain(c.Upper), $"{c}");
        Assert.That(c.Lower, Is.LessThanOrEqualTo(c.Estimate));
        Assert.That(c.Upper, Is.GreaterThanOrEqualTo(c.Estimate));
    }

    [Test, Claim("B4")]
    public void The_cell_at_D11s_gap_is_D11s_training_by_default_and_D12s_above_it()
    {
        var d = Budget.For(Tier.Default);
        Assert.That(ConfigurationKey.Text(GapSweep.Training(d, new GapCell(14.5, 7, Regulariser.None))), Is.EqualTo(ConfigurationKey.Text(DiskSuite.For(d).Hole)));
        var e = Budget.For(Tier.Experiment, 100);
        foreach (var psi in new[] { Regulariser.None, Regulariser.EncoderWeights })
            Assert.That(ConfigurationKey.Text(GapSweep.Training(e, new GapCell(14.5, 7, psi))), Is.EqualTo(ConfigurationKey.Text(HoleRegularisation.Setting(e, psi))), psi.PaperName());
        var full = GapSweep.Training(d, new GapCell(14.5, 0, Regulariser.None));
        Assert.That((full.Range, full.TrainingRange.Min, full.TrainingRange.Max), Is.EqualTo(((RadiusRange?)null, 0.0, 32.0)), "width 0 trains on the full range");
    }
}
