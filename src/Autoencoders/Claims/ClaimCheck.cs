using System.Diagnostics;

namespace Autoencoders.Claims;

/// <summary>
/// What a check measured: whether the paper's observation held, the named numbers, one line and the figures. A claim
/// judged over several runs also gives its <see cref="Evidence"/> (an interval against a bar), which then decides;
/// <see cref="Held"/> then says whether the required parts of the criterion outside the interval held; when one failed
/// the claim did not hold, whatever the interval. A negative control that fails is not a part: the check throws
/// (the measurement cannot be trusted) and the claim is reported FAIL.
/// </summary>
public sealed record ClaimMeasurement(bool Held, IReadOnlyDictionary<string, double> Metrics, string Summary, IReadOnlyList<string> Figures, Evidence? Evidence = null);

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
        if (m.Evidence is { } evidence)
        {
            // The interval decides: straddling the bar is INCONCLUSIVE (not a failure), whatever the registry expects.
            // A required part outside the interval that failed means the claim did not hold, whatever the interval says.
            var outcome = !m.Held ? Outcome.NotHeld : evidence.Outcome;
            var metrics = new Dictionary<string, double>(m.Metrics)
            {
                ["estimate"] = evidence.Interval.Estimate, ["interval_lower"] = evidence.Interval.Lower, ["interval_upper"] = evidence.Interval.Upper, ["bar"] = evidence.Bar,
                ["runs"] = evidence.Runs, ["runs_trained"] = evidence.Trained, ["trained_share"] = evidence.TrainedShare,
            };
            if (evidence.OverAllRuns is { } all)
            {
                metrics["all_runs_estimate"] = all.Estimate;
                metrics["all_runs_interval_lower"] = all.Lower;
                metrics["all_runs_interval_upper"] = all.Upper;
            }
            string parts = !m.Held ? " Another required part of the criterion failed, so the claim did not hold." : "";
            string summary = $"{m.Summary}. {evidence}" + (outcome == Outcome.Undecided ? $": undecided at this tier; {evidence.Decider}" : "") + parts;
            var verdict = outcome == Outcome.Undecided ? Verdict.Inconclusive : ClaimResult.Judge(outcome == Outcome.Held, entry.Expected);
            return new ClaimResult(Id, verdict, outcome == Outcome.Held, metrics, entry.Criterion, summary, m.Figures, clock.Elapsed, evidence);
        }
        return new ClaimResult(Id, ClaimResult.Judge(m.Held, entry.Expected), m.Held, m.Metrics, entry.Criterion, m.Summary, m.Figures, clock.Elapsed);
    }
}
