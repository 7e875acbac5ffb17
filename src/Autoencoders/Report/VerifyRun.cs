using System.Diagnostics;
using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;
using Autoencoders.Runtime;

namespace Autoencoders.Report;

/// <summary>What `verify` was asked to do.</summary>
/// <param name="TimeLimit">
/// Null: run every selected claim. Otherwise no claim starts once this much wall time has passed since the run began
/// (after the process and the runtime started): the rest are reported SKIPPED with the reason, the report says the run
/// was stopped and claims.json has complete = false (a claim already running finishes; a GPU call's deadline is kept by
/// starting the run with a limit that leaves room for its longest claim).
/// </param>
public sealed record VerifyOptions(Tier Tier, IReadOnlyList<string>? Claims, string OutputDirectory, int Seed, TimeSpan? TimeLimit = null);

/// <summary>
/// Runs the selected claim checks (the same classes the tests use) and writes report.md and claims.json into the
/// output folder. The report is built in a sibling temporary folder (&lt;out&gt;.tmp-&lt;process id&gt;) and moved into place at
/// the end, so an interrupted run leaves the previous report intact; the temporary folder holds a partial report
/// after each claim, which a run that is killed leaves behind.
/// </summary>
public static class VerifyRun
{
    /// <param name="registry">The claims to run: spec/claims.md unless given (tests give one with an entry that has no check yet).</param>
    /// <param name="budget">The tier's budget unless given (the Gpu tier's smoke test gives it at toy size).</param>
    public static IReadOnlyList<ClaimResult> Run(VerifyOptions options, Action<string> log, ClaimRegistry? registry = null, Budget? budget = null)
    {
        registry ??= ClaimRegistry.Default;
        var selected = options.Claims is { Count: > 0 } ? options.Claims.Select(id => registry[id]).ToList() : registry.Claims.ToList();
        string final = Path.GetFullPath(options.OutputDirectory);
        string staging = final.TrimEnd(Path.DirectorySeparatorChar) + $".tmp-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(Path.Combine(staging, "figures"));
        var clock = Stopwatch.StartNew();
        var results = new List<ClaimResult>();
        try
        {
            // One store for the run: checks that share a network (D2–D4, D6/D8/D9, P4/P5) share its training and evaluation.
            using var store = new ExperimentStore(log);
            var context = new ClaimContext(budget ?? Budget.For(options.Tier, options.Seed), store, Path.Combine(staging, "figures"));
            int notStarted = 0;
            foreach (var entry in selected)
            {
                ClaimResult result;
                var claimClock = Stopwatch.StartNew();
                if (options.TimeLimit is { } limit && clock.Elapsed >= limit)
                {
                    notStarted++;
                    result = Unjudged(entry, Verdict.Skipped,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"skipped: not started, the run's time limit of {limit.TotalSeconds:0} s had passed ({clock.Elapsed.TotalSeconds:0} s)"));
                }
                else if (ClaimChecks.All.TryGetValue(entry.Id, out var check))
                {
                    log($"{entry.Id}: running…");
                    try { result = check.Run(context); }
                    catch (ClaimSkippedException e)
                    {
                        result = Unjudged(entry, Verdict.Skipped, $"skipped: {e.Message}");
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A check that cannot measure (diverged training, a broken negative control) is a failure, reported with its reason.
                        result = Unjudged(entry, Verdict.Fail, $"check failed: {e.Message}");
                    }
                    // The time a claim took, failed or skipped ones included (a check that trains for minutes and then throws is
                    // what a GPU run's timing table must show).
                    result = result with { Elapsed = claimClock.Elapsed };
                }
                else
                    result = Unjudged(entry, Verdict.Pending, $"no check yet ({entry.Status})");
                results.Add(result);
                // The staging folder holds a partial report after every claim: a run killed before the end (a GPU call at
                // its deadline) leaves what it finished there, while the previous report stays in place. Best effort: a
                // failed write is logged, and the run goes on to its complete report.
                if (results.Count < selected.Count)
                {
                    try { ReportWriter.Write(staging, results, registry, options, clock.Elapsed, store.Timings, new ReportProgress(selected.Count, notStarted)); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log($"partial report not written: {e.Message}"); }
                }
                log($"{ClaimResult.Label(result.Verdict),-15} {entry.Id,-4} {result.Summary}");
            }
            ReportWriter.Write(staging, results, registry, options, clock.Elapsed, store.Timings, new ReportProgress(null, notStarted));
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            Directory.Move(staging, final);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return results;
    }

    /// <summary>A result without measurements: a claim skipped, failed before it could measure, or with no check yet.</summary>
    static ClaimResult Unjudged(ClaimEntry entry, Verdict verdict, string summary) =>
        new(entry.Id, verdict, false, new Dictionary<string, double>(), entry.Criterion, summary, [], TimeSpan.Zero);
}
