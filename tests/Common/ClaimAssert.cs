using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests;

/// <summary>Runs a claim's check (the same one `verify` runs) and asserts its verdict is what the registry records.</summary>
public static class ClaimAssert
{
    /// <summary>
    /// The check's result at <paramref name="tier"/>, after asserting: the calling test carries [Claim(id)] (a test
    /// cannot stand in for another claim's); the verdict is the registry's Expected (PASS or NOT REPRODUCED), or one of
    /// <paramref name="alsoAllowed"/> where the test says why a tier cannot decide; and, for a claim judged over runs,
    /// at least <paramref name="minTrainedShare"/> of its runs trained (broken training must not hide behind an
    /// INCONCLUSIVE or a NOT REPRODUCED).
    /// </summary>
    public static ClaimResult MatchesRecordedVerdict(string id, Tier tier, Verdict[]? alsoAllowed = null, double minTrainedShare = 0.8)
    {
        var claims = TestContext.CurrentContext.Test.Properties["Claim"].Cast<object>().Select(o => o.ToString()).ToArray();
        Assert.That(claims, Does.Contain(id), $"the test running {id}'s check must carry [Claim(\"{id}\")]");
        var result = ClaimChecks.All[id].Run(TestRun.Context(tier));
        TestContext.Out.WriteLine($"{id} {ClaimResult.Label(result.Verdict)}: {result.Summary}");
        foreach (var (name, value) in result.Metrics) TestContext.Out.WriteLine($"  {name} = {value:G6}");
        var expected = ClaimRegistry.Default[id].Expected.StartsWith("NOT REPRODUCED", StringComparison.Ordinal) ? Verdict.NotReproduced : Verdict.Pass;
        Assert.That(result.Verdict, Is.AnyOf([expected, .. alsoAllowed ?? []]), $"{id}: {result.Summary}");
        if (result.Evidence is { } e)
            Assert.That(e.TrainedShare, Is.GreaterThanOrEqualTo(minTrainedShare), $"{id}: only {e.Trained}/{e.Runs} runs trained");
        return result;
    }

    /// <summary>
    /// A claim judged as a rate over one seed (the default tier's disk claims): the interval [0.03, 1] or [0, 0.98]
    /// cannot clear the bar 0.5, so the verdict is INCONCLUSIVE by construction; what the test pins is what the one
    /// seed did: the claim held there (<paramref name="held"/>), and the seed trained.
    /// </summary>
    public static ClaimResult OneSeedIsInconclusiveAndDid(string id, bool held)
    {
        var result = MatchesRecordedVerdict(id, Tier.Default, [Verdict.Inconclusive], minTrainedShare: 1);
        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive), $"{id}: one seed cannot decide a rate against 0.5");
            Assert.That(result.Evidence!.Trained, Is.EqualTo(1), $"{id}: the one seed trained");
            Assert.That(result.Evidence.Interval.Estimate, Is.EqualTo(held ? 1.0 : 0.0), $"{id}: the one seed {(held ? "held" : "did not hold")}");
            // B3 pairs every disk claim's seeds across two settings: each must say what its seeds did.
            Assert.That(result.Evidence.PerSeed, Has.Count.EqualTo(1), $"{id}: its per-seed outcome, for B3");
        });
        return result;
    }
}
