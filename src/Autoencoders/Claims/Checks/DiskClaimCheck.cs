using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// A disk claim measured on every seed of its tier: the claim holds when it holds for each seed (a verdict must not
/// rest on one lucky run). Subclasses measure one model; metrics are reported per seed and as the worst case.
/// </summary>
public abstract class DiskClaimCheck : ClaimCheck
{
    /// <summary>Metrics of model <paramref name="k"/> of the suite and whether the claim held for it.</summary>
    protected abstract (bool Held, Dictionary<string, double> Metrics) MeasureSeed(DiskSuite suite, int k, ClaimContext context);

    /// <summary>
    /// Share of the tier's seeds in which the claim must hold: all of them, unless a claim's spec entry states a pass
    /// rate with its reason.
    /// </summary>
    protected virtual double RequiredShare => 1.0;

    /// <summary>The claim's figures (remade from the paper), written into the context's figure folder.</summary>
    protected virtual List<string> Draw(DiskSuite suite, ClaimContext context) => [];

    /// <summary>One line stating the numbers against the criterion, from the per-seed metrics.</summary>
    protected abstract string Describe(IReadOnlyList<Dictionary<string, double>> perSeed);

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var suite = DiskSuite.For(context);
        var perSeed = new List<Dictionary<string, double>>();
        int heldCount = 0;
        for (int k = 0; k < suite.Full.Seeds.Length; k++)
        {
            var (held, metrics) = MeasureSeed(suite, k, context);
            if (held) heldCount++;
            perSeed.Add(metrics);
        }
        bool all = heldCount >= Math.Ceiling(RequiredShare * perSeed.Count - 1e-9);
        var merged = new Dictionary<string, double> { ["seeds"] = perSeed.Count, ["seeds_held"] = heldCount };
        for (int k = 0; k < perSeed.Count; k++)
            foreach (var (name, value) in perSeed[k]) merged[$"{name}[seed{suite.Full.Seeds[k]}]"] = value;
        string rate = RequiredShare >= 1 ? "each" : $"at least {RequiredShare:P0}";
        return (all, merged, Describe(perSeed) + $" (holds in {heldCount}/{perSeed.Count} seed{(perSeed.Count > 1 ? "s" : "")}; required: {rate})", Draw(suite, context));
    }

    protected static string FigurePath(ClaimContext context, string name) => Path.Combine(context.FigureDirectory, name);

    /// <summary>Every <paramref name="step"/>-th element.</summary>
    protected static T[] Every<T>(T[] items, int step) => items.Where((_, i) => i % step == 0).ToArray();

    protected static string Range(IReadOnlyList<Dictionary<string, double>> perSeed, string name, string format) =>
        perSeed.Count == 1 ? perSeed[0][name].ToString(format) : $"{perSeed.Min(m => m[name]).ToString(format)}–{perSeed.Max(m => m[name]).ToString(format)}";
}
