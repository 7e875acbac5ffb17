using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests;

/// <summary>Runs a claim's check (the same one `verify` runs) and asserts its verdict is what the registry records.</summary>
public static class ClaimAssert
{
    /// <summary>The check's result at <paramref name="tier"/>, after asserting it is not FAIL (the recorded verdict).</summary>
    public static ClaimResult MatchesRecordedVerdict(string id, Tier tier)
    {
        var result = ClaimChecks.All[id].Run(TestRun.Context(tier));
        TestContext.Out.WriteLine($"{id} {ClaimResult.Label(result.Verdict)}: {result.Summary}");
        foreach (var (name, value) in result.Metrics) TestContext.Out.WriteLine($"  {name} = {value:G6}");
        Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Fail), $"{id}: {result.Summary}");
        return result;
    }
}
