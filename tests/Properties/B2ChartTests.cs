using Autoencoders.Analysis;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Properties;

/// <summary>B2, task 3: the cubic and the local charts that read (x, y) back from a two-number code.</summary>
public class B2ChartTests
{
    static readonly (double X, double Y)[] Positions =
        (from x in Enumerable.Range(4, 56) from y in Enumerable.Range(4, 56) where (x + y) % 3 == 0 select ((double)x, (double)y)).ToArray();

    [Test]
    public void A_smooth_invertible_code_is_read_back_exactly()
    {
        // z a smooth, invertible function of the position whose inverse is a cubic: x = u³ − v/50, y = 2v (u = ∛(x + y/100)).
        var codes = Positions.Select(p => (Math.Cbrt(p.X + p.Y / 100), p.Y / 2)).ToArray();
        var chart = CubicChart.Fit(codes, Positions);
        var worst = Positions.Zip(codes, (p, z) => { var (x, y) = chart.At(z); return Math.Max(Math.Abs(x - p.X), Math.Abs(y - p.Y)); }).Max();
        Assert.That(worst, Is.LessThan(1e-6));
    }

    [Test]
    public void A_code_that_forgets_one_coordinate_cannot_chart_the_position()
    {
        var codes = Positions.Select(p => (0.02 * p.X, 0.0)).ToArray();
        var chart = CubicChart.Fit(codes, Positions);
        double within = Positions.Zip(codes, (p, z) => { var (x, y) = chart.At(z); return Math.Sqrt((x - p.X) * (x - p.X) + (y - p.Y) * (y - p.Y)) <= 1; }).Count(b => b) / (double)Positions.Length;
        Assert.That(within, Is.LessThan(0.1));
    }

    /// <summary>Positions held out from <see cref="Positions"/>'s lattice: the centres with (x + y) % 3 == 1.</summary>
    static readonly (double X, double Y)[] HeldOut =
        (from x in Enumerable.Range(5, 54) from y in Enumerable.Range(5, 54) where (x + y) % 3 == 1 select ((double)x, (double)y)).ToArray();

    static double LocalWithinPixel(Func<(double X, double Y), (double, double)> code)
    {
        var chart = new LocalChart(Positions.Select(code).ToArray(), Positions);
        return HeldOut.Count(p => { var (x, y) = chart.At(code(p)); return Math.Sqrt((x - p.X) * (x - p.X) + (y - p.Y) * (y - p.Y)) <= 1; }) / (double)HeldOut.Length;
    }

    [Test]
    public void The_local_chart_reads_an_affine_code_back_exactly_between_its_references()
    {
        var shear = ((double X, double Y) p) => (0.3 * p.X - 0.1 * p.Y + 2, 0.05 * p.X + 0.2 * p.Y);
        var chart = new LocalChart(Positions.Select(shear).ToArray(), Positions);
        var worst = HeldOut.Max(p => { var (x, y) = chart.At(shear(p)); return Math.Max(Math.Abs(x - p.X), Math.Abs(y - p.Y)); });
        Assert.That(worst, Is.LessThan(1e-8));
    }

    [Test]
    public void The_local_chart_reads_a_folded_code_that_no_cubic_inverts()
    {
        // A polar code around the canvas's centre: smooth and invertible away from the centre, but (angle, radius) is
        // not a cubic image of (x, y). The cubic chart fails where the local one reads nearly every held-out centre.
        static (double, double) Polar((double X, double Y) p) => (Math.Atan2(p.Y - 31.7, p.X - 31.3), Math.Sqrt((p.X - 31.3) * (p.X - 31.3) + (p.Y - 31.7) * (p.Y - 31.7)) / 10);
        var cubic = CubicChart.Fit(Positions.Select(Polar).ToArray(), Positions);
        double cubicWithin = HeldOut.Count(p => { var (x, y) = cubic.At(Polar(p)); return Math.Sqrt((x - p.X) * (x - p.X) + (y - p.Y) * (y - p.Y)) <= 1; }) / (double)HeldOut.Length;
        Assert.Multiple(() =>
        {
            Assert.That(LocalWithinPixel(Polar), Is.GreaterThan(0.95), "local chart");
            Assert.That(cubicWithin, Is.LessThan(0.5), "cubic chart");
        });
    }

    [Test]
    public void The_local_chart_cannot_read_a_code_that_forgets_a_coordinate_or_a_random_code()
    {
        var random = new Random(5);
        var noise = HeldOut.Concat(Positions).Distinct().ToDictionary(p => p, _ => (random.NextDouble(), random.NextDouble()));
        Assert.Multiple(() =>
        {
            Assert.That(LocalWithinPixel(p => (0.02 * p.X, 0.0)), Is.LessThan(0.1), "x only");
            Assert.That(LocalWithinPixel(p => noise[p]), Is.LessThan(0.1), "random code");
        });
    }

    [Test]
    public void The_local_chart_refuses_too_few_or_non_finite_references()
    {
        Assert.Throws<ArgumentException>(() => new LocalChart([(0, 0)], [(4, 4)]));
        Assert.Throws<ArgumentException>(() => new LocalChart(Positions.Select(p => (double.NaN, p.Y)).ToArray(), Positions));
        var chart = new LocalChart(Positions.Select(p => (p.X, p.Y)).ToArray(), Positions);
        Assert.That(double.IsNaN(chart.At((double.NaN, 1)).X), "a non-finite code reads as no position");
    }
}
