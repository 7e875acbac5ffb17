using Autoencoders.Claims.Checks;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// A disk claim's negative control is asserted, not folded into the seed's pass test (#15 review): a seed whose control
/// fails reports it (the check then throws, FAIL) and is not merely counted as "did not hold", which would turn a
/// broken measurement into an INCONCLUSIVE. Each case: the claim's own numbers hold, only the control fails.
/// </summary>
public class NegativeControlTests
{
    static IEnumerable<TestCaseData> SeedsWhoseControlFails()
    {
        yield return new TestCaseData(new D2Reconstruction.Seed(0.005, 0.5, 12, UntrainedRelativeError: 0.01, 2.0)).SetName("D2: the untrained network reconstructs too");
        yield return new TestCaseData(new D4Interpolation.Seed(true, true, 10, 28, 0.02, ControlBlendMismatch: 0.05)).SetName("D4: pixel blends look like disks");
        yield return new TestCaseData(new D5BiasFreeEncoder.Seed(0.010, 0.009, NoBiasError: 0.012)).SetName("D5: the network with no bias is as good");
        yield return new TestCaseData(new D6RankOne.Seed(1.0, ControlBiasedEnergy: 0.995)).SetName("D6: the biased network is rank 1 too");
        yield return new TestCaseData(new D8ScalarProduct.Seed(0.9999, 0.04, 0.01, 0.999, AreaResidual: 0.02)).SetName("D8: the area fits the code as well");
        yield return new TestCaseData(new D11Hole.Seed(0.03, 0.008, 0.003, NoHoleRatio: 2.0)).SetName("D11: without a hole the hole's window is as much harder");
        yield return new TestCaseData(new D11Hole.Seed(0.03, 0.008, 0.003, NoHoleRatio: double.NaN)).SetName("D11: the control's ratio is not a number");
    }

    [TestCaseSource(nameof(SeedsWhoseControlFails))]
    public void A_failed_control_is_reported_as_such_and_not_as_a_seed_that_did_not_hold(ISeedMeasurement seed)
    {
        Assert.That(seed.Held, Is.True, "the claim's own numbers hold in this case");
        Assert.That(seed.FailedControl, Is.Not.Null.And.Not.Empty);
    }

    /// <summary>
    /// D10's comparison with the full-range network is not a control: it fails exactly when the restricted network
    /// extrapolates (the claim failing), so it stays part of the seed's test and never throws.
    /// </summary>
    [Test]
    public void D10s_full_range_comparison_is_part_of_the_seed_test_not_a_throwing_control()
    {
        var extrapolates = new D10Extrapolation.Seed(0.005, 0.02, 21, ControlFullRangeOutside: 0.004, null);
        Assert.That(((ISeedMeasurement)extrapolates).FailedControl, Is.Null);
        Assert.That(extrapolates.Held, Is.False);
    }

    [Test]
    public void A_control_that_works_reports_nothing()
    {
        ISeedMeasurement[] good =
        [
            new D2Reconstruction.Seed(0.005, 0.5, 12, 0.9, 2.0), new D4Interpolation.Seed(true, true, 10, 28, 0.02, 0.33),
            new D5BiasFreeEncoder.Seed(0.010, 0.009, 0.5), new D6RankOne.Seed(1.0, 0.84), new D8ScalarProduct.Seed(0.9999, 0.04, 0.01, 0.976, 0.157),
            new D11Hole.Seed(0.03, 0.008, 0.003, NoHoleRatio: 1.99),
        ];
        Assert.That(good.Select(s => s.FailedControl), Is.All.Null);
    }
}

/// <summary>
/// D11's control is the hole run's training on every size, which other claims already train: at the default tier B4's
/// width-0 cell, above it the suite's full network (D2; for B1's shapes, the shape's). Same cache key, so the control
/// costs no training of its own.
/// </summary>
public class D11ControlTrainingTests
{
    [TestCase(Autoencoders.Configuration.Tier.Default, Autoencoders.Data.ShapeKind.Disk), TestCase(Autoencoders.Configuration.Tier.Experiment, Autoencoders.Data.ShapeKind.Disk),
     TestCase(Autoencoders.Configuration.Tier.Gpu, Autoencoders.Data.ShapeKind.Disk), TestCase(Autoencoders.Configuration.Tier.Experiment, Autoencoders.Data.ShapeKind.Square),
     TestCase(Autoencoders.Configuration.Tier.Experiment, Autoencoders.Data.ShapeKind.Ellipse)]
    public void The_no_hole_control_is_a_training_another_claim_already_makes(Autoencoders.Configuration.Tier tier, Autoencoders.Data.ShapeKind shape)
    {
        var budget = Autoencoders.Configuration.Budget.For(tier, baseSeed: 0);
        var suite = Autoencoders.Experiments.DiskSuite.For(budget, shape);
        var control = D11Hole.NoHole(suite);
        Assert.That(control.Range, Is.Null, "trained on every size");
        Assert.That(control.Steps, Is.EqualTo(suite.Hole.Steps), "the hole run's budget");
        Assert.That(control.BatchSize, Is.EqualTo(suite.Hole.BatchSize), "the hole run's batch");
        string key = Autoencoders.Training.ModelCache.Key(control);
        if (tier == Autoencoders.Configuration.Tier.Default)
        {
            var widthZero = Autoencoders.Experiments.GapSweep.Cells(budget).Single(c => c.Width == 0 && c.Psi == Autoencoders.Training.Regulariser.None);
            Assert.That(key, Is.EqualTo(Autoencoders.Training.ModelCache.Key(Autoencoders.Experiments.GapSweep.Training(budget, widthZero))), "B4's width-0 cell");
        }
        else
            Assert.That(key, Is.EqualTo(Autoencoders.Training.ModelCache.Key(suite.Full)), "the suite's full network");
    }
}
