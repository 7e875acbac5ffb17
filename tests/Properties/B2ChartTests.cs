using Autoencoders.Analysis;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Properties;

/// <summary>B2, task 3: the cubic chart that reads (x, y) back from a two-number code.</summary>
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
}
