using System.Globalization;
using System.Text;
using Autoencoders.Data;
using Autoencoders.Theory;

namespace Autoencoders.Tests.Approvals;

/// <summary>
/// B1 (theory, #19): the optimal bias-free profile of disks, squares and 2:1 ellipses (R = 24) on the 64 × 64 grid,
/// from the full 4 096-pixel eigenproblem, beside the continuum optimum φ(g(x)), along the x axis and the y axis from
/// the centre. Theory values only (double-precision eigenvectors, printed to 2 decimals).
/// </summary>
public class B1GaugeProfileTests
{
    [Test]
    public void The_optimal_profiles_of_three_gauges_along_both_axes()
    {
        const double r = 24;
        var grid = ImageGrid.Paper;
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"R = {r}; values / value at pixel (32, 32); t = pixels from (32, 32) along the axis");
        foreach (var family in new[] { ShapeFamily.Disks, ShapeFamily.Squares, ShapeFamily.Ellipses })
        {
            var f = GaugeProfile.GridOptimum(family, grid, r);
            var phi = GaugeProfile.ContinuumOptimum(family, grid, r);
            int m = grid.Size, c = m / 2;
            text.AppendLine(inv, $"{family.Name}: t | grid x | continuum x | grid y | continuum y");
            foreach (int t in new[] { 0, 4, 8, 12, 16, 20, 24, 28 })
            {
                int x = c * m + c + t, y = (c + t) * m + c, o = c * m + c;
                text.AppendLine(inv, $"{t,3} | {f[x] / f[o]:0.00} | {phi[x] / phi[o]:0.00} | {f[y] / f[o]:0.00} | {phi[y] / phi[o]:0.00}");
            }
        }
        Snapshot.Text(text.ToString());
    }
}
