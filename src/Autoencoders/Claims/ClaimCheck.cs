using System.Diagnostics;

namespace Autoencoders.Claims;

/// <summary>What a check measured: whether the paper's observation held, the named numbers, one line and the figures.</summary>
public sealed record ClaimMeasurement(bool Held, IReadOnlyDictionary<string, double> Metrics, string Summary, IReadOnlyList<string> Figures);

/// <summary>
/// One executable claim: measures, then states whether the paper's observation held. Subclasses implement
/// <see cref="Measure"/>; the verdict against the registry's expectation is computed here, once. Every concrete
/// subclass with a parameterless constructor is found by <see cref="ClaimChecks"/>.
/// </summary>
public abstract class ClaimCheck
{
    public abstract string Id { get; }

    protected abstract ClaimMeasurement Measure(ClaimContext context);

    public ClaimResult Run(ClaimContext context)
    {
        var entry = ClaimRegistry.Default[Id];
        var clock = Stopwatch.StartNew();
        var m = Measure(context);
        return new ClaimResult(Id, ClaimResult.Judge(m.Held, entry.Expected), m.Held, m.Metrics, entry.Criterion, m.Summary, m.Figures, clock.Elapsed);
    }
}
