using System.Globalization;
using System.Text;
using System.Text.Json;
using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;
using Autoencoders.Runtime;

namespace Autoencoders.Report;

/// <summary>Writes report.md (for reviewers) and claims.json (for machines) from claim results.</summary>
public static class ReportWriter
{
    /// <param name="timings">The run's experiments and their wall time (<see cref="ExperimentStore.Timings"/>).</param>
    /// <param name="progress">Whether the run is still going or stopped by its time limit (null: a finished, whole run).</param>
    public static void Write(string directory, IReadOnlyList<ClaimResult> results, ClaimRegistry registry, VerifyOptions options, TimeSpan elapsed, IReadOnlyList<ExperimentTiming> timings, ReportProgress? progress = null)
    {
        int? selected = progress?.Selected;
        int notStarted = progress?.NotStarted ?? 0;
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Verification report: Processing Simple Geometric Attributes with Autoencoders");
        md.AppendLine();
        md.AppendLine(inv, $"Tier `{options.Tier.Name()}`, seed {options.Seed}, {TorchRuntime.Describe()}, wall time {elapsed.TotalSeconds:0.0} s.");
        md.AppendLine();
        if (selected is int of)
        {
            md.AppendLine(inv, $"**Partial report**, written after claim {results.Count} of {of}: the run was still going. A report that stays like this was stopped before the end (its remaining claims did not run); the verdict-interval figures come with the complete report.");
            md.AppendLine();
        }
        if (notStarted > 0)
        {
            md.AppendLine(inv, $"**Stopped by its time limit** ({options.TimeLimit?.TotalSeconds:0} s): {notStarted} of the claims asked for did not start and are reported SKIPPED. This is not a whole run of the tier.");
            md.AppendLine();
        }
        md.AppendLine(Summary(results));
        md.AppendLine();
        md.AppendLine("| claim | verdict | estimate [95% interval] vs bar | paper | key numbers |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(inv, $"| {r.Id} {registry[r.Id].Title} | {ClaimResult.Label(r.Verdict)} | {IntervalCell(r)} | {registry[r.Id].Paper} | {r.Summary.Replace("|", "\\|")} |");
        foreach (var (group, title, members) in selected is null ? Groups(results.Where(r => r.Evidence is not null)) : [])
        {
            var figure = Figures.Intervals(Path.Combine(directory, "figures", $"verdict_intervals_{group}.png"), $"{title}: estimate, 95% interval, bar",
                "estimate (the quantity of each claim)", members.Select(r => new Figures.IntervalRow(r.Id, r.Evidence!.Interval.Estimate, r.Evidence.Interval.Lower, r.Evidence.Interval.Upper, r.Evidence.Bar, ClaimResult.Label(r.Verdict))).ToList());
            md.AppendLine();
            md.AppendLine(inv, $"![{title}](figures/{Path.GetFileName(figure)})");
        }
        md.AppendLine();
        md.AppendLine(inv, $"Runs that did not train (the one rule of spec/claims.md: unexplained share of the run's own data ≥ {Analysis.Trainability.MaxUnexplained} above its architecture's floor) are left out of each verdict and counted here:");
        md.AppendLine();
        md.AppendLine("| claim | runs | trained | share trained | verdict over trained runs | over all runs |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results.Where(r => r.Evidence is not null))
        {
            var ev = r.Evidence!;
            var all = ev.OverAllRuns is { } a ? string.Create(inv, $"{a.Estimate:0.00} [{a.Lower:0.00}, {a.Upper:0.00}]: {ev.OutcomeOverAllRuns}") : "same";
            md.AppendLine(inv, $"| {r.Id} | {ev.Runs} | {ev.Trained} | {ev.TrainedShare:0.00} | {IntervalCell(r)}: {ev.Outcome} | {all} |");
        }
        foreach (var r in results)
        {
            var e = registry[r.Id];
            md.AppendLine();
            md.AppendLine(inv, $"## {r.Id} · {e.Title}: {ClaimResult.Label(r.Verdict)}");
            md.AppendLine();
            md.AppendLine(inv, $"- Statement: {e.Statement}");
            md.AppendLine(inv, $"- Criterion: {e.Criterion}");
            md.AppendLine(inv, $"- Result: {r.Summary}");
            foreach (var (name, value) in r.Metrics) md.AppendLine(inv, $"- `{name}` = {value:G6}");
            foreach (var f in r.Figures) md.AppendLine(inv, $"\n![{r.Id}](figures/{Path.GetFileName(f)})");
        }
        WriteTimings(md, results, elapsed, timings);
        WriteWhole(Path.Combine(directory, "report.md"), md.ToString());

        var json = new
        {
            tier = options.Tier.Name(),
            seed = options.Seed,
            complete = selected is null && notStarted == 0,
            time_limit_s = options.TimeLimit?.TotalSeconds,
            claims_not_started = notStarted,
            environment = new { torch = TorchRuntime.Describe(), dotnet = Environment.Version.ToString(), os = Environment.OSVersion.ToString(), wall_time_s = elapsed.TotalSeconds },
            summary = Summary(results),
            claims = results.Select(r => new
            {
                id = r.Id,
                title = registry[r.Id].Title,
                paper = registry[r.Id].Paper,
                verdict = ClaimResult.Label(r.Verdict),
                held = r.Held,
                evidence = r.Evidence is not { } ev ? null : new
                {
                    quantity = ev.Quantity, estimate = Finite(ev.Interval.Estimate), lower = Finite(ev.Interval.Lower), upper = Finite(ev.Interval.Upper), method = ev.Interval.Method,
                    bar = ev.Bar, paper_side = ev.PaperSideAbove ? "at or above the bar" : "at or below the bar", outcome = ev.Outcome.ToString(), decider = ev.Decider,
                    runs = ev.Runs, runs_trained = ev.Trained, trained_share = Finite(ev.TrainedShare),
                    over_all_runs = ev.OverAllRuns is not { } a ? null : new { estimate = Finite(a.Estimate), lower = Finite(a.Lower), upper = Finite(a.Upper), outcome = ev.OutcomeOverAllRuns.ToString() },
                },
                metrics = r.Metrics.ToDictionary(kv => kv.Key, kv => Finite(kv.Value)),
                criterion = r.Criterion,
                summary = r.Summary,
                figures = r.Figures.Select(f => "figures/" + Path.GetFileName(f)).ToArray(),
                seconds = r.Elapsed.TotalSeconds,
            }),
            experiments = timings.Select(t => new { kind = t.Kind, configuration = t.Configuration, own_s = t.Own.TotalSeconds, total_s = t.Total.TotalSeconds }),
        };
        WriteWhole(Path.Combine(directory, "claims.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Writes a file through a temporary one and a rename, so a process killed mid-write never leaves half a file.</summary>
    static void WriteWhole(string path, string text)
    {
        string temporary = path + ".part";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>How many experiments the report lists by name; claims.json lists every one.</summary>
    public const int TimedExperimentsShown = 15;

    /// <summary>
    /// "Where the time went": each claim's wall time, and the experiments that took most of the run by their own time
    /// (what a GPU run's budget, or a slow host, needs to know first).
    /// </summary>
    static void WriteTimings(StringBuilder md, IReadOnlyList<ClaimResult> results, TimeSpan elapsed, IReadOnlyList<ExperimentTiming> timings)
    {
        var inv = CultureInfo.InvariantCulture;
        double total = Math.Max(elapsed.TotalSeconds, 1e-9);
        md.AppendLine();
        md.AppendLine("## Where the time went");
        md.AppendLine();
        md.AppendLine(inv, $"Wall time {elapsed.TotalSeconds:0.0} s. A claim's time includes the experiments it was the first to ask for (later claims reuse them); an experiment's own time leaves out the experiments it asked for, and a training found in the model cache costs only its loading.");
        md.AppendLine();
        md.AppendLine("| claim | s | share |");
        md.AppendLine("|---|---|---|");
        foreach (var r in results.Where(r => r.Elapsed > TimeSpan.Zero))
            md.AppendLine(inv, $"| {r.Id} | {r.Elapsed.TotalSeconds:0.0} | {r.Elapsed.TotalSeconds / total:0.00} |");
        if (timings.Count == 0) return;
        var ranked = timings.OrderByDescending(t => t.Own).ToList();
        md.AppendLine();
        md.AppendLine(inv, $"{timings.Count} experiments ran; the {Math.Min(TimedExperimentsShown, ranked.Count)} longest by their own time (claims.json lists all):");
        md.AppendLine();
        md.AppendLine("| experiment | own s | share | configuration |");
        md.AppendLine("|---|---|---|---|");
        foreach (var t in ranked.Take(TimedExperimentsShown))
        {
            string what = t.Configuration.Length > 160 ? t.Configuration[..157] + "…" : t.Configuration;
            md.AppendLine(inv, $"| {t.Kind}{(t.Failed ? " (failed)" : "")} | {t.Own.TotalSeconds:0.0} | {t.Own.TotalSeconds / total:0.00} | `{what.Replace("|", "\\|").Replace("`", "'")}` |");
        }
        if (ranked.Count > TimedExperimentsShown)
        {
            var rest = ranked.Skip(TimedExperimentsShown).ToList();
            double restSeconds = rest.Sum(t => t.Own.TotalSeconds);
            md.AppendLine(inv, $"| {rest.Count} others | {restSeconds:0.0} | {restSeconds / total:0.00} | |");
        }
    }

    /// <summary>JSON has no infinity or NaN: an unbounded or undefined number is written as null.</summary>
    static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>The claim groups that share a figure of verdict intervals: the paper's sections.</summary>
    static IEnumerable<(string File, string Title, List<ClaimResult> Members)> Groups(IEnumerable<ClaimResult> judged)
    {
        static string GroupOf(string id) =>
            id.StartsWith('P') ? "positions" : id.StartsWith('B') ? "beyond" : int.TryParse(id[1..], out int n) && n >= 12 ? "hole" : "disks";
        var titles = new Dictionary<string, string> { ["disks"] = "Sec. 4, disk autoencoders (D2–D11)", ["hole"] = "Sec. 4.4, the hole: regularisers and a GAN (D12–D15)", ["positions"] = "Sec. 5, positions (P3–P5)", ["beyond"] = "Beyond the paper (B1–B4, B2Q)" };
        return judged.GroupBy(r => GroupOf(r.Id)).Select(g => (g.Key, titles.GetValueOrDefault(g.Key, g.Key), g.ToList()));
    }

    static string IntervalCell(ClaimResult r) => r.Evidence is not { } e ? "—" :
        string.Create(CultureInfo.InvariantCulture, $"{e.Interval.Estimate:0.00} [{e.Interval.Lower:0.00}, {e.Interval.Upper:0.00}] vs {(e.PaperSideAbove ? "≥" : "≤")} {e.Bar:0.##}");

    /// <summary>"N passed, N failed, N not reproduced, N inconclusive, N pending, N skipped".</summary>
    public static string Summary(IReadOnlyList<ClaimResult> results) =>
        $"{results.Count(r => r.Verdict == Verdict.Pass)} passed, {results.Count(r => r.Verdict == Verdict.Fail)} failed, " +
        $"{results.Count(r => r.Verdict == Verdict.Inconclusive)} inconclusive, " +
        $"{results.Count(r => r.Verdict == Verdict.NotReproduced)} not reproduced (as recorded), {results.Count(r => r.Verdict == Verdict.Pending)} pending, " +
        $"{results.Count(r => r.Verdict == Verdict.Skipped)} skipped";
}
