using Autoencoders.Data;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// B1's data: squares and 2:1 ellipses rendered exactly (quadrature, <see cref="ExactRenderer"/>), and the shape family
/// measures the disk claims read them with (size from mass, the profile along the gauge).
/// </summary>
public class B1ShapeRenderingTests
{
    static readonly ImageGrid Grid = ImageGrid.Paper;
    static readonly ExactRenderer Exact = new(Grid, 1.0);

    [TestCase(3.0), TestCase(11.3), TestCase(27.0)]
    public void An_ellipse_with_equal_axes_is_the_disk(double r)
    {
        var disk = Exact.Render(Disk.Centred(Grid, r));
        var ellipse = Exact.Render(new Ellipse(Grid.Centre, Grid.Centre, r, r));
        // Two quadratures of one integral, on panels even in u (the disk's) and even in θ (the ellipse's): 1.3e-6 apart at
        // r = 27, 3e-7 below, measured with the earlier per-pixel ellipse quadrature (the ellipse's own error is now below
        // 1e-14, so what is left is the disk's); 5e-6 is 1/200 000 of the image's range.
        Assert.That(disk.Zip(ellipse, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(5e-6));
    }

    [TestCase(20.0, 10.0), TestCase(6.0, 25.0), TestCase(30.0, 4.0)]
    public void The_blurred_ellipse_has_the_ellipse_area(double a, double b)
    {
        // The blur preserves mass; the image border cuts a little of the blur's tail for shapes that reach it (< 0.5%).
        double mass = Exact.Render(new Ellipse(Grid.Centre, Grid.Centre, a, b)).Sum(v => (double)v);
        Assert.That(mass, Is.EqualTo(Math.PI * a * b).Within(0.005 * Math.PI * a * b));
    }

    /// <summary>
    /// The ellipse integral against an independent one: 2-D quadrature of the blur kernel over the ellipse in elliptic
    /// polar coordinates (x = aρ cos t, y = bρ sin t, area element abρ dρ dt), no Φ and no θ substitution; points
    /// inside, on and outside the edge, on and off the axes; ellipses smaller than σ and thinner than σ; B3's σ = 0.5.
    /// </summary>
    [TestCase(20.0, 10.0, 21.3, 2.2, 1.0), TestCase(20.0, 10.0, 5.0, 9.6, 1.0), TestCase(8.0, 27.0, 3.1, 14.0, 1.0), TestCase(30.0, 4.0, 0.0, 0.0, 1.0),
     TestCase(12.0, 6.0, 13.5, 7.5, 1.0), TestCase(1.5, 0.8, 0.7, 0.3, 1.0), TestCase(0.3, 0.2, 0.0, 0.0, 1.0), TestCase(25.0, 1.2, 10.0, 1.5, 1.0),
     TestCase(12.0, 6.0, 12.3, 0.4, 0.5), TestCase(3.0, 1.5, 2.9, 0.2, 0.5)]
    public void The_ellipse_value_matches_an_independent_polar_quadrature(double a, double b, double dx, double dy, double sigma)
    {
        var rule = new MathNet.Numerics.Integration.GaussLegendreRule(-1, 1, 20);
        int panels = (int)Math.Ceiling(Math.Max(a, b) / (sigma / 4)), angles = 4000;
        double total = 0;
        for (int p = 0; p < panels; p++)
        {
            double lo = (double)p / panels, hi = (double)(p + 1) / panels;
            for (int k = 0; k < rule.Abscissas.Length; k++)
            {
                double rho = (lo + hi) / 2 + (hi - lo) / 2 * rule.Abscissas[k], ring = 0;
                for (int t = 0; t < angles; t++)
                {
                    double angle = 2 * Math.PI * (t + 0.5) / angles, x = a * rho * Math.Cos(angle) - dx, y = b * rho * Math.Sin(angle) - dy;
                    ring += Math.Exp(-(x * x + y * y) / (2 * sigma * sigma));
                }
                total += rule.Weights[k] * (hi - lo) / 2 * a * b * rho * ring * 2 * Math.PI / angles / (2 * Math.PI * sigma * sigma);
            }
        }
        Assert.That(new ExactRenderer(Grid, sigma).EllipseValue(a, b, dx, dy), Is.EqualTo(total).Within(1e-6));
    }

    /// <summary>The image is the point value at every pixel: the renderer's reuse of one x factor per |dx| and one y factor per |dy| changes nothing.</summary>
    [Test]
    public void Every_pixel_of_an_off_centre_ellipse_is_its_point_value()
    {
        var ellipse = new Ellipse(30.2, 33.7, 17.5, 8.75);
        var image = Exact.Render(ellipse);
        double worst = 0;
        for (int i = 0; i < Grid.Size; i++)
            for (int j = 0; j < Grid.Size; j++)
                worst = Math.Max(worst, Math.Abs(image[i * Grid.Size + j] - Exact.EllipseValue(ellipse.A, ellipse.B, j - ellipse.Cx, i - ellipse.Cy)));
        Assert.That(worst, Is.LessThan(1e-7), "float32 rounding of the same sum");
    }

    [Test]
    public void The_exact_ellipse_is_what_Monte_Carlo_converges_to()
    {
        // Off-centre too, so the two integrals are not checked on a symmetric point only. N = 4 000 samples a pixel:
        // the standard error is at most 0.008; 5 of them bound every pixel's deviation (4 096 pixels).
        var ellipse = new Ellipse(30.2, 33.7, 17.5, 8.75);
        var exact = Exact.Render(ellipse);
        var mc = new MonteCarloRenderer(Grid, 1.0, 4000, seed: 7).Render(ellipse);
        double worst = exact.Zip(mc, (e, m) => Math.Abs(e - m) / Math.Max(Math.Sqrt(e * (1 - e) / 4000), 1e-3)).Max();
        Assert.That(worst, Is.LessThan(5), "worst deviation in standard errors");
    }

    [TestCase(ShapeKind.Disk, 13.0), TestCase(ShapeKind.Square, 13.0), TestCase(ShapeKind.Ellipse, 13.0)]
    public void The_size_reads_off_the_mass_and_the_profile_falls_at_the_size(ShapeKind kind, double s)
    {
        var family = ShapeFamily.Of(kind);
        var image = Exact.Render(family.ShapeOf(Grid, s));
        var profile = family.Profile(image, Grid);
        Assert.Multiple(() =>
        {
            Assert.That(family.SizeFromMass(image), Is.EqualTo(s).Within(0.02), "size from mass");
            // Along its own gauge a member is a step at g = s blurred: about 1 inside, about 0 outside.
            Assert.That(profile[(int)s - 4], Is.GreaterThan(0.97), "inside");
            Assert.That(profile[(int)s + 4], Is.LessThan(0.03), "outside");
        });
    }

    [Test]
    public void The_first_gauge_ring_of_the_2_to_1_ellipse_holds_no_pixel_centre()
    {
        // Why the profile comparison (D9) skips empty rings: g = √(x² + 4y²) is at least √1.25 at the pixel centres
        // nearest the centre (±0.5, ±0.5), so ring [0, 1) is empty; for the disk and the square every ring inside the
        // image holds pixels.
        Assert.Multiple(() =>
        {
            Assert.That(ShapeFamily.Ellipses.RingCounts(Grid)[0], Is.Zero);
            Assert.That(ShapeFamily.Disks.RingCounts(Grid).Take(32), Is.All.Positive);
            Assert.That(ShapeFamily.Squares.RingCounts(Grid).Take(32), Is.All.Positive);
        });
    }
}
