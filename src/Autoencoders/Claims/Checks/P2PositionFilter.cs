using Autoencoders.Report;
using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>P2, Prop. 3: E(one-hot at a) = 2^L − a for L = 1 … 10; stride 3 breaks it.</summary>
public sealed class P2PositionFilter : ClaimCheck
{
    public override string Id => "P2";

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        int wrong = 0, total = 0;
        var drawn = new List<Figures.Series>();
        for (int layers = 1; layers <= 10; layers++)
        {
            int n = 1 << layers;
            using var net = PositionFilter.Network(n);
            var e = PositionFilter.Encode(net, n);
            for (int a = 0; a < n; a++, total++) if (e[a] != n - a) wrong++;
            if (layers is >= 3 and <= 6) drawn.Add(new($"n = {n} (L = {layers})", Enumerable.Range(0, n).Select(a => (double)a).ToArray(), e.Select(v => (double)v).ToArray(), Markers: true));
        }
        var three = PositionFilter.EncodeVariant(3, 0, 3);
        bool strideThreeInjective = three.Distinct().Count() == three.Length;
        drawn.Add(new("stride 3, n = 27 (control: positions collide)", Enumerable.Range(0, three.Length).Select(a => (double)a).ToArray(), three.Select(v => (double)v).ToArray(), Markers: true));
        var figure = Figures.Lines(context.FigurePath("p2_position_filter.png"), "P2, Prop. 3: the [1, 2, 1] network's code of a one-hot at a is 2^L − a",
            "position a of the one-hot", "code E(one-hot at a)", drawn.ToArray(), ScottPlot.Alignment.UpperRight);
        return new(wrong == 0 && !strideThreeInjective, new Dictionary<string, double> { ["positions_checked"] = total, ["wrong_positions"] = wrong },
            $"{total - wrong}/{total} positions give 2^L − a (L = 1…10); stride 3 control {(strideThreeInjective ? "unexpectedly injective" : "not injective, as expected")}", [figure]);
    }
}
