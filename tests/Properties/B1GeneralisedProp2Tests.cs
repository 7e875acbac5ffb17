using Autoencoders.Data;
using Autoencoders.Theory;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// B1's theory (#19): Prop. 2 for any family of scaled shapes {g ≤ s}. In the continuum the optimal bias-free profile
/// is the disk's Airy profile of g(x) for every gauge g (GaugeProfile's derivation). On the 64 × 64 grid, the top
/// eigenvector of the full 4 096-pixel problem, computed without assuming f depends on g, must agree with it; the
/// control: the profile of the wrong gauge (a disk's for squares, a square's for ellipses) must not.
/// </summary>
public class B1GeneralisedProp2Tests
{
    const double R = 24;
    static readonly ImageGrid Grid = ImageGrid.Paper;

    /// <summary>
    /// The bound: pixel coverage smooths each level set over about a pixel, which the continuum profile (sampled at
    /// pixel centres) lacks. Set before the first run; measured: disks 0.010, squares 0.015, ellipses 0.018, and the
    /// wrong gauge 0.46–0.54.
    /// </summary>
    const double MaxGap = 0.03;

    static IEnumerable<TestCaseData> Families()
    {
        yield return new TestCaseData(ShapeFamily.Disks, ShapeFamily.Squares).SetName("disks (control: the square's gauge)");
        yield return new TestCaseData(ShapeFamily.Squares, ShapeFamily.Disks).SetName("squares (control: the disk's gauge)");
        yield return new TestCaseData(ShapeFamily.Ellipses, ShapeFamily.Disks).SetName("ellipses 2:1 (control: the disk's gauge)");
    }

    [TestCaseSource(nameof(Families))]
    public void The_full_grid_optimum_is_the_Airy_profile_of_the_gauge(ShapeFamily family, ShapeFamily wrong)
    {
        var grid = GaugeProfile.GridOptimum(family, Grid, R);
        double gap = GaugeProfile.Gap(grid, GaugeProfile.ContinuumOptimum(family, Grid, R));
        double control = GaugeProfile.Gap(grid, GaugeProfile.ContinuumOptimum(wrong, Grid, R));
        TestContext.Out.WriteLine($"{family.Name}: gap {gap:0.0000}, wrong gauge {control:0.0000}");
        Assert.That(gap, Is.LessThan(MaxGap), $"{family.Name}: the grid optimum against φ(g(x))");
        Assert.That(control, Is.GreaterThan(4 * MaxGap), $"{family.Name}: the wrong gauge must not fit");
    }

    /// <summary>
    /// Part (ii): the profile is the disk's Airy profile at the same R, not a rescaled one. Controls: the profile at
    /// 0.75 R, and at the R that matches the disk's area (R·√(π/A): 24·√(π/4) ≈ 21.3 for squares, 24·√2 for 2:1
    /// ellipses, whose level sets at R have the area of the disk of radius R).
    /// </summary>
    [TestCase("squares", 4.0), TestCase("ellipses 2:1", Math.PI / 2)]
    public void A_rescaled_profile_does_not_fit(string name, double area)
    {
        var family = name == "squares" ? ShapeFamily.Squares : ShapeFamily.Ellipses;
        var grid = GaugeProfile.GridOptimum(family, Grid, R);
        double shrunk = GaugeProfile.Gap(grid, GaugeProfile.ContinuumProfile(family, Grid, 0.75 * R));
        double areaMatched = GaugeProfile.Gap(grid, GaugeProfile.ContinuumProfile(family, Grid, R * Math.Sqrt(Math.PI / area)));
        TestContext.Out.WriteLine($"{name}: 0.75 R {shrunk:0.000}, area-matched {areaMatched:0.000}");
        Assert.That(shrunk, Is.GreaterThan(MaxGap), "the profile at 0.75 R");
        Assert.That(areaMatched, Is.GreaterThan(MaxGap), "the area-matched profile");
    }

    [Test]
    public void The_grid_optimum_depends_on_the_pixel_only_through_its_gauge()
    {
        // Claim (i) of the derivation, on the grid: pixels on one level set of g get the same value (up to coverage),
        // e.g. the square's optimum is constant along each square ring, and the ellipse's is not circular.
        var square = GaugeProfile.GridOptimum(ShapeFamily.Squares, Grid, R);
        int m = Grid.Size, c = m / 2; // pixel (c, c + 10) and (c + 10, c + 10): both at ∞-norm ≈ 10.5 from the centre 31.5
        double onAxis = square[c * m + c + 10], corner = square[(c + 10) * m + c + 10];
        Assert.That(corner, Is.EqualTo(onAxis).Within(0.02 * square.Max()), "the square's optimum is constant on a square ring");
        var ellipse = GaugeProfile.GridOptimum(ShapeFamily.Ellipses, Grid, R);
        double alongX = ellipse[c * m + c + 8], alongY = ellipse[(c + 8) * m + c];
        Assert.That(alongY, Is.LessThan(alongX - 0.05 * ellipse.Max()), "the ellipse's optimum falls twice as fast along its short axis");
    }

    [Test]
    public void Coverage_images_have_the_shape_area()
    {
        foreach (var (family, area) in new[] { (ShapeFamily.Disks, Math.PI * 100), (ShapeFamily.Squares, 400.0), (ShapeFamily.Ellipses, Math.PI * 50) })
            Assert.That(GaugeProfile.Coverage(Grid, family.ShapeOf(Grid, 10)).Sum(), Is.EqualTo(area).Within(0.01 * area), family.Name);
    }
}
