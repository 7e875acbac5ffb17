using Autoencoders.Claims;

namespace Autoencoders.Tests;

/// <summary>Runs a claim's check (the same one `verify` runs) and asserts its verdict is what the registry expects.</summary>
public static class ClaimAssert
{
    public static ClaimResult Holds(string id, Tier tier)
    {
        var result = ClaimChecks.All[id].Run(new ClaimContext(tier, Seed: 0, FigureDirectory: Path.GetTempPath(), Log: TestContext.Progress.WriteLine));
        TestContext.Out.WriteLine($"{id} {ClaimResult.Label(result.Verdict)}: {result.Summary}");
        foreach (var (name, value) in result.Metrics) TestContext.Out.WriteLine($"  {name} = {value:G6}");
        Assert.That(result.Verdict, Is.Not.EqualTo(Verdict.Fail), $"{id}: {result.Summary}");
        return result;
    }
}
