namespace Autoencoders.Claims;

/// <summary>
/// PASS: the paper's observation held. NOT REPRODUCED: it did not hold, as the registry records we expect.
/// FAIL: the outcome differs from the registry's expectation (in either direction). PENDING: no check yet (the
/// registry names the open issue). SKIPPED: not run at this tier. INCONCLUSIVE: the 95% interval of a claim judged over
/// runs straddles its bar, so this tier's runs cannot decide it (not a failure; the summary names what would decide).
/// </summary>
public enum Verdict { Pass, Fail, NotReproduced, Pending, Skipped, Inconclusive }

/// <summary>What one claim check measured and concluded.</summary>
public sealed record ClaimResult(
    string Id, Verdict Verdict, bool Held, IReadOnlyDictionary<string, double> Metrics, string Criterion, string Summary,
    IReadOnlyList<string> Figures, TimeSpan Elapsed, Evidence? Evidence = null)
{
    public static string Label(Verdict v) => v switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        Verdict.NotReproduced => "NOT REPRODUCED",
        Verdict.Pending => "PENDING",
        Verdict.Inconclusive => "INCONCLUSIVE",
        _ => "SKIPPED",
    };

    /// <summary>Turns "did the paper's observation hold" into a verdict, given what the registry expects.</summary>
    public static Verdict Judge(bool held, string expected)
    {
        bool expectReproduced = !expected.Trim().StartsWith("NOT REPRODUCED", StringComparison.OrdinalIgnoreCase);
        return (held, expectReproduced) switch
        {
            (true, true) => Verdict.Pass,
            (false, false) => Verdict.NotReproduced,
            _ => Verdict.Fail,
        };
    }
}
