using Autoencoders.Analysis;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B3: the disk verdicts do not rest on the choices the paper left open. Runs the disk claims (D2–D6, D8–D11) on the
/// tier's seeds as they are and again with a second blur σ and a factor on every training length
/// (<see cref="Configuration.RobustnessVariation"/>), and compares them seed by seed (<see cref="Compare"/>): for each
/// claim, how much the variation changes the share of seeds in which it holds, with an interval over the same seeds.
/// Experiment tier and above only: at the default tier it would retrain every disk network (SKIPPED there).
/// </summary>
public sealed class B3Robustness : ClaimCheck
{
    public override string Id => "B3";
    public static readonly string[] Claims = ["D2", "D3", "D4", "D5", "D6", "D8", "D9", "D10", "D11"];

    /// <summary>The largest change of a claim's rate that still counts as robust: a quarter of the seeds (spec/claims.md, B3).</summary>
    public const double Bar = 0.25;

    /// <summary>
    /// One claim on the seeds of both runs: <see cref="TurnedOn"/> seeds hold only varied, <see cref="TurnedOff"/>
    /// only as they are, of <see cref="Paired"/> seeds that trained in both runs; <see cref="Change"/> is the rate
    /// change with its interval at the simultaneous level (<see cref="Compare"/>).
    /// </summary>
    public sealed record PairedClaim(string Id, int TurnedOn, int TurnedOff, int Paired, int Seeds, Interval Change);

    /// <summary>The per-claim comparisons and the evidence B3 is judged by.</summary>
    public sealed record PairedComparison(IReadOnlyList<PairedClaim> Claims, Evidence Evidence);

    /// <summary>
    /// The paired comparison. For each claim, the seeds on which both runs trained (the one rule for runs that did not
    /// train, applied to both) give Δ = (turned on − turned off)/n and its exact interval
    /// (<see cref="Intervals.RateChange"/>); each claim's interval is made at 1 − 0.05/c for c claims (Bonferroni), so
    /// all c hold together with probability ≥ 95%, and so does the interval they give for the largest |Δ| over the
    /// claims: from the largest distance of an interval from 0 to the largest |end|. B3 holds when that interval lies at
    /// or below <see cref="Bar"/> (no claim's rate moves by more than a quarter of its seeds), does not hold when it lies above (some
    /// claim's rate surely moves by more), and is undecided otherwise. The same over every seed, a run that did not
    /// train counted as not holding, is reported beside it.
    /// </summary>
    public static PairedComparison Compare(IReadOnlyList<(string Id, IReadOnlyList<SeedOutcome> AsIs, IReadOnlyList<SeedOutcome> Varied)> claims, string decider)
    {
        if (claims.Count == 0) throw new ArgumentException("B3 compares at least one claim");
        double each = 1 - (1 - Intervals.Confidence) / claims.Count;
        var rows = new List<PairedClaim>();
        var overAll = new List<Interval>();
        foreach (var (id, asIs, varied) in claims)
        {
            if (asIs.Count != varied.Count || asIs.Zip(varied).Any(p => p.First.Seed != p.Second.Seed))
                throw new ArgumentException($"{id}: the two runs must be on the same seeds ({string.Join(",", asIs.Select(s => s.Seed))} against {string.Join(",", varied.Select(s => s.Seed))})");
            var pairs = asIs.Zip(varied).ToArray();
            var trained = pairs.Where(p => p.First.Trained && p.Second.Trained).ToArray();
            int on = trained.Count(p => !p.First.Held && p.Second.Held), off = trained.Count(p => p.First.Held && !p.Second.Held);
            var change = trained.Length == 0 ? new Interval(double.NaN, -1, 1, "no seed trained in both runs") : Intervals.RateChange(on, off, trained.Length, each);
            rows.Add(new(id, on, off, trained.Length, pairs.Length, change));
            bool Holds(SeedOutcome s) => s.Trained && s.Held;
            overAll.Add(Intervals.RateChange(pairs.Count(p => !Holds(p.First) && Holds(p.Second)), pairs.Count(p => Holds(p.First) && !Holds(p.Second)), pairs.Length, each));
        }
        var largest = Largest(rows.Select(r => r.Change).ToList(), claims.Count, each);
        int minPaired = rows.Min(r => r.Paired), seeds = rows.Max(r => r.Seeds);
        var evidence = new Evidence($"largest change of a disk claim's rate between the two settings (over the {claims.Count} claims)", largest, Bar,
            PaperSideAbove: false, $"{decider} (where no seed changes, {SeedsToBound(each)} seeds bound every claim's change below {Bar}; each seed that changes widens it)",
            minPaired, seeds, rows.All(r => r.Paired == r.Seeds) ? null : Largest(overAll, claims.Count, each));
        return new(rows, evidence);
    }

    /// <summary>The fewest paired seeds whose interval at <paramref name="each"/> lies at or below <see cref="Bar"/> when no seed changes (the verdict's rule).</summary>
    public static int SeedsToBound(double each)
    {
        for (int n = 1; ; n++)
            if (Intervals.RateChange(0, 0, n, each).Upper <= Bar) return n;
    }

    /// <summary>The simultaneous interval for max |Δ| from the claims' intervals (a claim whose interval is undefined leaves it [0, 1]).</summary>
    static Interval Largest(IReadOnlyList<Interval> changes, int count, double each)
    {
        double estimate = changes.Max(c => double.IsNaN(c.Estimate) ? 0 : Math.Abs(c.Estimate));
        double lower = changes.Max(c => c.Lower > 0 ? c.Lower : c.Upper < 0 ? -c.Upper : 0);
        double upper = changes.Max(c => Math.Max(Math.Abs(c.Lower), Math.Abs(c.Upper)));
        return new(estimate, lower, Math.Min(upper, 1), $"max over {count} claims' paired intervals, each at {each:0.####}");
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        if (context.Budget.Robustness is not { } v)
            throw new ClaimSkippedException("B3 reruns every disk claim with a second σ and longer training: Experiment tier and above");
        // The variant's figures go to their own folder, so they do not overwrite the disk claims' own.
        var variant = context with { Budget = context.Budget.Varied(), FigureDirectory = Path.Combine(context.FigureDirectory, "b3_variant") };
        Directory.CreateDirectory(variant.FigureDirectory);
        var metrics = new Dictionary<string, double>();
        var verdicts = new List<string>();
        var outcomes = new List<(string, IReadOnlyList<SeedOutcome>, IReadOnlyList<SeedOutcome>)>();
        foreach (var id in Claims)
        {
            var asIs = ClaimChecks.All[id].Run(context);
            var varied = ClaimChecks.All[id].Run(variant);
            // Trainability is a finding of its own: a variation that breaks training shows here before it shows in a verdict.
            if (asIs.Evidence is { } e) metrics[$"{id}_trained_share"] = e.TrainedShare;
            if (varied.Evidence is { } f) metrics[$"{id}_varied_trained_share"] = f.TrainedShare;
            metrics[$"{id}_same_verdict"] = asIs.Verdict == varied.Verdict ? 1 : 0;
            verdicts.Add($"{id} {ClaimResult.Label(asIs.Verdict)}{(asIs.Verdict == varied.Verdict ? "" : " → " + ClaimResult.Label(varied.Verdict))}");
            outcomes.Add((id, PerSeed(asIs), PerSeed(varied)));
        }
        var comparison = Compare(outcomes, context.MoreSeeds);
        foreach (var c in comparison.Claims)
        {
            metrics[$"{c.Id}_turned_on"] = c.TurnedOn;
            metrics[$"{c.Id}_turned_off"] = c.TurnedOff;
            metrics[$"{c.Id}_paired_seeds"] = c.Paired;
            metrics[$"{c.Id}_rate_change"] = c.Change.Estimate;
            metrics[$"{c.Id}_rate_change_lower"] = c.Change.Lower;
            metrics[$"{c.Id}_rate_change_upper"] = c.Change.Upper;
        }
        metrics["verdicts_changed"] = Claims.Count(id => metrics[$"{id}_same_verdict"] == 0);
        string perClaim = string.Join("; ", comparison.Claims.Select(c => $"{c.Id} +{c.TurnedOn} −{c.TurnedOff} of {c.Paired}, Δ {c.Change.Estimate:0.00} [{c.Change.Lower:0.00}, {c.Change.Upper:0.00}]"));
        return new(true, metrics,
            $"with σ = {v.Sigma} and {v.StepScale}× the steps, seed by seed (turned on, turned off): {perClaim}; verdicts as it is → varied: {string.Join(", ", verdicts)}",
            [Draw(context, comparison, v)], comparison.Evidence);
    }

    /// <summary>Each claim's rate change with its interval (at the simultaneous level) against ±<see cref="Bar"/>, and the largest |Δ| B3 is judged by.</summary>
    static string Draw(ClaimContext context, PairedComparison comparison, Configuration.RobustnessVariation v)
    {
        // A claim with no seed trained in both runs has no estimate: drawn at 0 with its interval [−1, 1], and labelled so.
        var rows = comparison.Claims.Select(c => new Report.Figures.IntervalRow($"{c.Id} +{c.TurnedOn} −{c.TurnedOff}", double.IsNaN(c.Change.Estimate) ? 0 : c.Change.Estimate,
            c.Change.Lower, c.Change.Upper, Bar, c.Paired == 0 ? "no seed paired" : $"of {c.Paired}") { LowerBar = -Bar }).ToList();
        var e = comparison.Evidence;
        rows.Add(new("largest |Δ|", e.Interval.Estimate, e.Interval.Lower, e.Interval.Upper, Bar, "judged"));
        return Report.Figures.Intervals(context.FigurePath("b3_rate_changes.png"),
            $"B3: each disk claim's rate change with σ = {v.Sigma} and {v.StepScale}× the steps (same seeds; intervals hold together at 95%)",
            "change of the share of seeds in which it holds", rows,
            $"dot: estimate; blue: interval, each claim's at {1 - (1 - Analysis.Intervals.Confidence) / comparison.Claims.Count:0.###} so that all hold together at 95%; red: ±{Bar}");
    }

    static IReadOnlyList<SeedOutcome> PerSeed(ClaimResult result) =>
        result.Evidence?.PerSeed ?? throw new InvalidOperationException($"{result.Id} gave no per-seed outcomes to pair");
}
