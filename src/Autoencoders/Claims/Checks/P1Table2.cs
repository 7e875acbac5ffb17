using Autoencoders.Report;
using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>P1, Table 2: u(3) = 8 − a for the eight one-hots of size 8.</summary>
public sealed class P1Table2 : ClaimCheck
{
    public override string Id => "P1";

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        using var net = PositionFilter.Network(8);
        var e = PositionFilter.Encode(net, 8);
        int wrong = Enumerable.Range(0, 8).Count(a => e[a] != 8 - a);
        var positions = Enumerable.Range(0, 8).Select(a => (double)a).ToArray();
        var figure = Figures.Lines(context.FigurePath("p1_table2.png"), "P1, Table 2: the [1, 2, 1] network on the one-hots of size 8",
            "position a of the one-hot", "code", [new("Table 2: 8 − a", positions, positions.Select(a => 8 - a).ToArray()), new("E(one-hot at a), ours", positions, e.Select(v => (double)v).ToArray(), Markers: true)],
            ScottPlot.Alignment.UpperRight, xTicks: Figures.IntegerTicks(Enumerable.Range(0, 8)));
        return new(wrong == 0, new Dictionary<string, double> { ["wrong_rows"] = wrong }, $"E(one-hot at a) = [{string.Join(", ", e)}] (Table 2: 8, 7, …, 1)", [figure]);
    }
}
