using Autoencoders.Experiments;

namespace Autoencoders.Claims.Checks;

/// <summary>What a disk claim measured on one seed: whether it held there, and its named numbers.</summary>
public interface ISeedMeasurement
{
    bool Held { get; }
    IEnumerable<(string Name, double Value)> Metrics();
}

/// <summary>
/// A disk claim measured on every seed of its tier: the claim holds when it holds for each seed (a verdict must not
/// rest on one lucky run), unless its spec entry states a pass rate. Subclasses measure one model into a typed record;
/// metrics are reported per seed, named from that record.
/// </summary>
public abstract class DiskClaimCheck<TSeed> : ClaimCheck where TSeed : ISeedMeasurement
{
    /// <summary>The measures of model <paramref name="k"/> of the suite.</summary>
    protected abstract TSeed MeasureSeed(DiskSuite suite, int k, ClaimContext context);

    /// <summary>
    /// Share of the tier's seeds in which the claim must hold: all of them, unless a claim's spec entry states a pass
    /// rate with its reason.
    /// </summary>
    protected virtual double RequiredShare => 1.0;

    /// <summary>The claim's figures (remade from the paper), written into the context's figure folder.</summary>
    protected virtual List<string> Draw(DiskSuite suite, ClaimContext context) => [];

    /// <summary>One line stating the numbers against the criterion, from the per-seed measures.</summary>
    protected abstract string Describe(IReadOnlyList<TSeed> perSeed);

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var suite = context.Disks;
        var perSeed = Enumerable.Range(0, suite.Seeds.Length).Select(k => MeasureSeed(suite, k, context)).ToList();
        int heldCount = perSeed.Count(m => m.Held);
        bool all = heldCount >= Math.Ceiling(RequiredShare * perSeed.Count - 1e-9);
        var merged = new Dictionary<string, double> { ["seeds"] = perSeed.Count, ["seeds_held"] = heldCount };
        for (int k = 0; k < perSeed.Count; k++)
            foreach (var (name, value) in perSeed[k].Metrics()) merged[$"{name}[seed{suite.Seeds[k]}]"] = value;
        string rate = RequiredShare >= 1 ? "each" : $"at least {RequiredShare:P0}";
        return new(all, merged, Describe(perSeed) + $" (holds in {heldCount}/{perSeed.Count} seed{(perSeed.Count > 1 ? "s" : "")}; required: {rate})", Draw(suite, context));
    }

    /// <summary>Every <paramref name="step"/>-th element.</summary>
    protected static T[] Every<T>(T[] items, int step) => items.Where((_, i) => i % step == 0).ToArray();

    /// <summary>"v" for one seed, "min–max" over several.</summary>
    protected static string Range(IReadOnlyList<TSeed> perSeed, Func<TSeed, double> value, string format) =>
        perSeed.Count == 1 ? value(perSeed[0]).ToString(format) : $"{perSeed.Min(value).ToString(format)}–{perSeed.Max(value).ToString(format)}";
}
