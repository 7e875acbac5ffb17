using System.Diagnostics;

namespace Autoencoders.Claims;

/// <summary>
/// What a check measured: whether the paper's observation held, the named numbers, one line and the figures. A claim
/// judged over several runs also gives its <see cref="Evidence"/> (an interval against a bar), which then decides;
/// <see cref="Held"/> then says whether the required parts of the criterion outside the interval held. Such a part has
/// no interval of its own (a comparison of medians, "in every run"), so its failure cannot show the claim false: it
/// only keeps the interval from showing it true (an interval on the paper's side with a failed part is INCONCLUSIVE).
/// A negative control that fails is not a part: the check throws (the measurement cannot be trusted) and the claim
/// is reported FAIL.
/// </summary>
/// <param name="Undecided">
/// What keeps the claim from being decided, besides the interval. Without <see cref="Evidence"/> (a claim judged by
/// comparing other claims' verdicts, B1): why the comparison cannot decide (a compared verdict is itself INCONCLUSIVE);
/// with <see cref="Held"/> true the claim is then INCONCLUSIVE, and a comparison decided against it (Held false) is
/// judged as not held whatever else is undecided. With an interval (B2, B2Q): a part of the criterion the tier does not
/// run; like a failed part it keeps an interval on the paper's side from deciding, and leaves a decided failure decided.
/// </param>
public sealed record ClaimMeasurement(bool Held, IReadOnlyDictionary<string, double> Metrics, string Summary, IReadOnlyList<string> Figures, Evidence? Evidence = null, string? Undecided = null);

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
            if (!evidence.PerSeedAgrees)
                throw new InvalidOperationException($"{Id}: its per-seed outcomes do not agree with its rate ({evidence.PerSeed!.Count(s => s.Trained && s.Held)} held of {evidence.PerSeed!.Count(s => s.Trained)} trained, {evidence.PerSeed!.Count} seeds, against {evidence})");
            // The interval decides: straddling the bar is INCONCLUSIVE (not a failure), whatever the registry expects.
            // A required part that failed blocks PASS but, having no interval, cannot decide NOT REPRODUCED by itself
            // (amended in #15's review: D12, D13 and P5 had been NOT REPRODUCED on point comparisons).
            // A part of the criterion that this tier does not run (m.Undecided) blocks PASS the same way, and for the
            // same reason cannot decide NOT REPRODUCED (B2 at a tier without its autoencoder task; #20's review).
            var blocked = !m.Held || m.Undecided is not null;
            var outcome = blocked && evidence.Outcome == Outcome.Held ? Outcome.Undecided : evidence.Outcome;
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
            string parts = !m.Held ? " Another required part of the criterion failed" + (evidence.Outcome == Outcome.Held ? ", so the interval cannot show the claim held" : "") + "." : "";
            bool blockedByPartNotRun = m.Held && m.Undecided is not null && evidence.Outcome == Outcome.Held;
            string notRun = m.Undecided is null ? "" : blockedByPartNotRun
                ? $" The interval alone would show the claim held, but part of the criterion is not run at this tier: {m.Undecided}."
                : $" Not run at this tier: {m.Undecided}.";
            string summary = ($"{m.Summary}. {evidence}" + (outcome == Outcome.Undecided && !blockedByPartNotRun ? $": undecided at this tier; {evidence.Decider}" : "")).TrimEnd('.') + "." + parts + notRun;
            var verdict = outcome == Outcome.Undecided ? Verdict.Inconclusive : ClaimResult.Judge(outcome == Outcome.Held, entry.Expected);
            return new ClaimResult(Id, verdict, outcome == Outcome.Held, metrics, entry.Criterion, summary, m.Figures, clock.Elapsed, evidence);
        }
        if (m.Held && m.Undecided is not null)
            return new ClaimResult(Id, Verdict.Inconclusive, false, m.Metrics, entry.Criterion, $"{m.Summary}. Undecided at this tier: {m.Undecided}", m.Figures, clock.Elapsed);
        // A comparison decided against the claim decides it whatever else is undecided; what was undecided is still said.
        string decided = m.Undecided is null ? m.Summary : $"{m.Summary}. Also undecided: {m.Undecided}";
        return new ClaimResult(Id, ClaimResult.Judge(m.Held, entry.Expected), m.Held, m.Metrics, entry.Criterion, decided, m.Figures, clock.Elapsed);
    }
}
