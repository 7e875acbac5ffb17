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
