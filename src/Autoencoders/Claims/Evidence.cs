using Autoencoders.Analysis;

namespace Autoencoders.Claims;

/// <summary>One seed of a rate over seeds: whether the claim held there, and whether its runs trained.</summary>
public sealed record SeedOutcome(int Seed, bool Held, bool Trained);

/// <summary>What an interval says about a bar: above it, below it, or straddling it.</summary>
public enum Outcome { Held, NotHeld, Undecided }

/// <summary>
/// The interval behind a verdict over several runs, and the bar from spec/claims.md it is judged against. The paper's
/// observation held when the whole 95% interval lies on its side of the bar, did not hold when the whole interval
/// lies on the other side, and is undecided (INCONCLUSIVE) when the interval straddles the bar.
/// The verdict reads the runs that trained (<see cref="Trainability"/>, one rule for every claim); the same estimate
/// over all runs, untrained ones counted as not holding, is reported beside it (<see cref="OverAllRuns"/>), and so is
/// the share of runs that trained.
/// </summary>
/// <param name="Quantity">What the interval is of, e.g. "share of seeds that decode".</param>
/// <param name="Interval">Over the runs that trained: this decides.</param>
/// <param name="PaperSideAbove">True when the paper's observation is "at or above the bar".</param>
/// <param name="Decider">What would decide it when undecided (a seed count or a tier).</param>
/// <param name="Trained">Runs that trained, of <paramref name="Runs"/>.</param>
/// <param name="OverAllRuns">The same estimate over every run (null when every run trained: it is the same).</param>
public sealed record Evidence(string Quantity, Interval Interval, double Bar, bool PaperSideAbove, string Decider, int Trained, int Runs, Interval? OverAllRuns = null)
{
    /// <summary>
    /// The bar of a claim about what a training procedure does, where the paper states no rate: it does it in most of
    /// its runs (more than half). Disk claims D2–D11, D9's learned profile and D15 use it; P3 and P4 state 0.8.
    /// </summary>
    public const double MostRuns = 0.5;

    /// <summary>
    /// What each seed did, for a rate over seeds (the disk claims): B3 pairs the same seeds across two settings. Null
    /// where the evidence is not a per-seed rate.
    /// </summary>
    public IReadOnlyList<SeedOutcome>? PerSeed { get; init; }

    /// <summary>
    /// Whether <see cref="PerSeed"/> tells the same story as the rate (one outcome a run, as many trained, the same
    /// share holding among them); true when there is none. <see cref="ClaimCheck.Run"/> refuses evidence that does not.
    /// </summary>
    public bool PerSeedAgrees => PerSeed is not { } seeds
        || (seeds.Count == Runs && seeds.Count(s => s.Trained) == Trained
            && (Trained == 0 || Math.Abs(seeds.Count(s => s.Trained && s.Held) / (double)Trained - Interval.Estimate) < 1e-12));

    public Outcome Outcome => Judge(Interval);

    /// <summary>What the reading over all runs would have said (reported, not the verdict).</summary>
    public Outcome OutcomeOverAllRuns => Judge(OverAllRuns ?? Interval);

    public double TrainedShare => Runs == 0 ? double.NaN : (double)Trained / Runs;

    Outcome Judge(Interval i) =>
        Trained == 0 ? Outcome.Undecided
        : PaperSideAbove
            ? i.Lower >= Bar ? Outcome.Held : i.Upper < Bar ? Outcome.NotHeld : Outcome.Undecided
            : i.Upper <= Bar ? Outcome.Held : i.Lower > Bar ? Outcome.NotHeld : Outcome.Undecided;

    /// <summary>
    /// A pass rate over runs against a bar: <paramref name="held"/> of the <paramref name="trained"/> runs that trained
    /// (of <paramref name="runs"/>), with the seed count that would decide it.
    /// </summary>
    public static Evidence Rate(string quantity, int held, int trained, int runs, double bar, string tierThatDecides)
    {
        if (trained > runs || held > trained) throw new ArgumentException($"a rate needs held ≤ trained ≤ runs (got {held}, {trained}, {runs})");
        var interval = trained == 0 ? new Interval(double.NaN, 0, 1, $"0/{runs} runs trained") : Intervals.ClopperPearson(held, trained);
        int? needed = trained == 0 ? null : Intervals.SeedsToDecide(interval.Estimate, bar);
        string decider = trained == 0 ? $"no run trained; {tierThatDecides}"
            : needed is int n ? $"about {n} trained seeds at this rate would decide it ({tierThatDecides})"
            : "a rate this close to the bar needs more than 1000 seeds";
        return new(quantity, interval, bar, PaperSideAbove: true, decider, trained, runs, trained == runs ? null : Intervals.ClopperPearson(held, runs));
    }

    /// <summary>
    /// A pass rate over seeds read from what each seed did: the seeds that trained and held, of those that trained, of
    /// all (<see cref="Rate"/>), with the outcomes kept (<see cref="PerSeed"/>, for B3's pairing), so the two cannot differ.
    /// </summary>
    public static Evidence Rate(string quantity, IReadOnlyList<SeedOutcome> seeds, double bar, string tierThatDecides) =>
        Rate(quantity, seeds.Count(s => s.Trained && s.Held), seeds.Count(s => s.Trained), seeds.Count, bar, tierThatDecides) with { PerSeed = seeds };

    /// <summary>
    /// A statistic of per-run values against a bar, with its bootstrap interval over the runs that trained
    /// (<paramref name="overTrained"/>) and over all runs (<paramref name="overAll"/>, null when all trained).
    /// </summary>
    public static Evidence Continuous(string quantity, Interval overTrained, Interval? overAll, double bar, bool paperSideAbove, int trained, int runs, string tierThatDecides) =>
        new(quantity, overTrained, bar, paperSideAbove, trained < 2 ? $"one trained run has no interval; {tierThatDecides}" : $"more seeds: {tierThatDecides}", trained, runs, trained == runs ? null : overAll);

    public override string ToString()
    {
        string side = PaperSideAbove ? "≥" : "≤";
        string trained = Trained == Runs ? $"all {Runs} runs trained" : $"{Trained}/{Runs} runs trained";
        string all = OverAllRuns is { } a ? $"; over all runs {a.Estimate:0.00} [{a.Lower:0.00}, {a.Upper:0.00}]" : "";
        return $"{Quantity} {Interval.Estimate:0.00}, 95% interval [{Interval.Lower:0.00}, {Interval.Upper:0.00}] ({Interval.Method}) against the bar {side} {Bar:0.##} ({trained}{all})";
    }
}
