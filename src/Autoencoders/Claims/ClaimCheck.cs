using System.Diagnostics;

namespace Autoencoders.Claims;

/// <summary>
/// One executable claim: measures, then states whether the paper's observation held. Subclasses implement
/// <see cref="Measure"/>; the verdict against the registry's expectation is computed here, once.
/// </summary>
public abstract class ClaimCheck
{
    public abstract string Id { get; }

    /// <summary>Metrics, whether the observation held, a one-line summary and the figures written.</summary>
    protected abstract (bool Held, Dictionary<string, double> Metrics, string Summary, List<string> Figures) Measure(ClaimContext context);

    public ClaimResult Run(ClaimContext context)
    {
        var entry = ClaimRegistry.Default[Id];
        var clock = Stopwatch.StartNew();
        var (held, metrics, summary, figures) = Measure(context);
        return new ClaimResult(Id, ClaimResult.Judge(held, entry.Expected), held, metrics, entry.Criterion, summary, figures, clock.Elapsed);
    }
}
