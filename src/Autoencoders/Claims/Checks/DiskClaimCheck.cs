using Autoencoders.Experiments;

namespace Autoencoders.Claims.Checks;

/// <summary>What a disk claim measured on one seed: whether it held there, and its named numbers.</summary>
public interface ISeedMeasurement
{
    /// <summary>Whether the claim held on this seed (its negative control aside: see <see cref="FailedControl"/>).</summary>
    bool Held { get; }

    /// <summary>
    /// What this seed's negative control found when it failed, else null. A failed control means the measurement cannot
    /// tell the claim from its absence, so the check throws (FAIL) rather than count the seed as not holding.
    /// </summary>
    string? FailedControl => null;

    IEnumerable<(string Name, double Value)> Metrics();
}

/// <summary>
/// A disk claim measured on every seed of its tier and judged as a rate: the share of the seeds that trained in which
/// the claim holds, with its Clopper–Pearson interval, against <see cref="Bar"/> ("in most runs", spec/claims.md).
/// A seed trained when every network the claim compares trained (<see cref="Subjects"/>, trained controls included). Subclasses measure one model into a typed record; metrics are reported per seed, named from that record.
/// </summary>
public abstract class DiskClaimCheck<TSeed> : ClaimCheck where TSeed : ISeedMeasurement
{
    /// <summary>The bar for every disk claim: the procedure does what the paper says in most of its runs.</summary>
    public const double Bar = Evidence.MostRuns;

    /// <summary>The measures of model <paramref name="k"/> of the suite.</summary>
    protected abstract TSeed MeasureSeed(DiskSuite suite, int k, ClaimContext context);

    /// <summary>
    /// The trainings the claim compares, its trained controls included (a control that did not train would pass a
    /// "must be worse" test trivially): a seed counts when all of them trained.
    /// </summary>
    protected abstract IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context);

    /// <summary>The claim's figures (remade from the paper), written into the context's figure folder.</summary>
    protected virtual List<string> Draw(DiskSuite suite, ClaimContext context) => [];

    /// <summary>One line stating the numbers against the criterion, from the per-seed measures.</summary>
    protected abstract string Describe(IReadOnlyList<TSeed> perSeed);

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var suite = context.Disks;
        var perSeed = Enumerable.Range(0, suite.Seeds.Length).Select(k => MeasureSeed(suite, k, context)).ToList();
        var subjects = Subjects(suite, context).Select(context.Trainability).ToArray();
        var trained = Enumerable.Range(0, perSeed.Count).Select(k => subjects.All(t => t[k].Trained)).ToArray();
        // Controls are judged on seeds that trained (a control compared with an untrained network says nothing).
        var failedControls = Enumerable.Range(0, perSeed.Count).Where(k => trained[k] && perSeed[k].FailedControl is not null)
            .Select(k => $"seed {suite.Seeds[k]}: {perSeed[k].FailedControl}").ToArray();
        if (failedControls.Length > 0) throw new InvalidOperationException($"negative control failed ({string.Join("; ", failedControls)})");
        int heldCount = perSeed.Count(m => m.Held);
        var merged = new Dictionary<string, double> { ["seeds"] = perSeed.Count, ["seeds_held"] = heldCount };
        for (int k = 0; k < perSeed.Count; k++)
        {
            foreach (var (name, value) in perSeed[k].Metrics()) merged[$"{name}[seed{suite.Seeds[k]}]"] = value;
            merged[$"unexplained_share[seed{suite.Seeds[k]}]"] = subjects.Max(t => t[k].Relative);
        }
        var evidence = Evidence.Rate("share of trained seeds in which it holds",
            Enumerable.Range(0, perSeed.Count).Select(k => new SeedOutcome(suite.Seeds[k], perSeed[k].Held, trained[k])).ToArray(), Bar, context.MoreSeeds);
        return new(true, merged, Describe(perSeed) + $" (holds in {heldCount}/{perSeed.Count} seed{(perSeed.Count > 1 ? "s" : "")})", Draw(suite, context), evidence);
    }

    /// <summary>Every <paramref name="step"/>-th element.</summary>
    protected static T[] Every<T>(T[] items, int step) => items.Where((_, i) => i % step == 0).ToArray();

    /// <summary>"v" for one seed, "min–max" over several.</summary>
    protected static string Range(IReadOnlyList<TSeed> perSeed, Func<TSeed, double> value, string format) => SeedRange.Of(perSeed, value, format);
}
