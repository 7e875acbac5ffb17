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
        return new(wrong == 0, new Dictionary<string, double> { ["wrong_rows"] = wrong }, $"E(one-hot at a) = [{string.Join(", ", e)}] (Table 2: 8, 7, …, 1)", []);
    }
}
