using Autoencoders.Analysis;

namespace Autoencoders.Claims;

/// <summary>What an interval says about a bar: above it, below it, or straddling it.</summary>
public enum Outcome { Held, NotHeld, Undecided }

/// <summary>
/// The interval behind a verdict over several runs, and the bar from spec/claims.md it is judged against. The paper's
/// observation held when the whole 95% interval lies on its side of the bar, did not hold when the whole interval
/// lies on the other side, and is undecided (INCONCLUSIVE) when the interval straddles the bar.
/// </summary>
/// <param name="Quantity">What the interval is of, e.g. "share of seeds that decode".</param>
/// <param name="PaperSideAbove">True when the paper's observation is "at or above the bar".</param>
/// <param name="Decider">What would decide it when undecided (a seed count or a tier).</param>
public sealed record Evidence(string Quantity, Interval Interval, double Bar, bool PaperSideAbove, string Decider)
{
    public Outcome Outcome =>
        PaperSideAbove
            ? Interval.Lower >= Bar ? Outcome.Held : Interval.Upper < Bar ? Outcome.NotHeld : Outcome.Undecided
            : Interval.Upper <= Bar ? Outcome.Held : Interval.Lower > Bar ? Outcome.NotHeld : Outcome.Undecided;

    /// <summary>A pass rate over runs against a bar, with the seed count that would decide it.</summary>
    public static Evidence Rate(string quantity, int held, int runs, double bar, string tierThatDecides)
    {
        var interval = Intervals.ClopperPearson(held, runs);
        int? needed = Intervals.SeedsToDecide(interval.Estimate, bar);
        string decider = needed is int n
            ? $"about {n} seeds at this rate would decide it ({tierThatDecides})"
            : $"a rate this close to the bar needs more than 1000 seeds";
        return new(quantity, interval, bar, PaperSideAbove: true, decider);
    }

    public override string ToString() =>
        $"{Quantity} {Interval.Estimate:0.00}, 95% interval [{Interval.Lower:0.00}, {Interval.Upper:0.00}] ({Interval.Method}) against the bar {(PaperSideAbove ? "≥" : "≤")} {Bar:0.##}";
}
