using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// Every claim through the Gpu tier's code paths, at toy size, on the CPU (a few minutes; `dotnet test --filter
/// TestCategory=GpuSmoke`). The Gpu tier has parts no other tier runs (B4's centres 8 and 22 and widths 1–9, D13's
/// seven λ values, D15's GANs, B2's d = 2 autoencoders, 40 disk seeds); a GPU session has minutes, so a path that
/// throws must be found here first. Verdicts of toy trainings mean nothing and are only printed; what is asserted is
/// that every check runs to a verdict through `verify`'s own run. Its first run found two faults (spec/claims.md, D7;
/// RadialProfiles.Learned).
/// </summary>
[Category("GpuSmoke")]
public class GpuTierSmokeTests
{
    /// <summary>The Gpu tier's budget with its structure kept (widths, centres, λ values, tasks, splits, variations) and its sizes cut.</summary>
    public static Budget Toy(int baseSeed)
    {
        var gpu = Budget.For(Tier.Gpu, baseSeed);
        return gpu with
        {
            Disks = gpu.Disks with { Seeds = 2, Steps = 30, BiasFreeSteps = 20, GeneralisationSteps = 30, GeneralisationBatch = 100, TrainCount = 300 },
            Regularisers = gpu.Regularisers! with { Seeds = 2, Steps = 30, Batch = 100 },
            Positions = gpu.Positions with { EncoderSeeds = 2, EncoderSteps = 30, DecoderSeeds = 2, DecoderSteps = 30 },
            Gans = gpu.Gans! with { Seeds = 1, Steps = 30, Batch = 64 },
            Gaps = gpu.Gaps with { Seeds = 2, Steps = 30, Batch = 100 },
            Shapes = gpu.Shapes with { Chart = gpu.Shapes.Chart! with { Seeds = 2, Steps = 30 } },
            Coordinates = gpu.Coordinates with { Seeds = 2, RegressionSteps = 30, DecoderSteps = 30 },
        };
    }

    [Test]
    public void The_toy_budget_keeps_the_gpu_tiers_structure()
    {
        var gpu = Budget.For(Tier.Gpu);
        var toy = Toy(0);
        Assert.Multiple(() =>
        {
            Assert.That(toy.Tier, Is.EqualTo(Tier.Gpu));
            Assert.That(toy.Gaps.Widths, Is.EqualTo(gpu.Gaps.Widths));
            Assert.That(toy.Gaps.Centres, Is.EqualTo(gpu.Gaps.Centres));
            Assert.That(toy.Regularisers!.SweepLambdas, Is.EqualTo(gpu.Regularisers!.SweepLambdas));
            Assert.That(toy.Coordinates.Autoencoder && toy.Coordinates.Rendering, Is.True);
            Assert.That(toy.Shapes.Claims, Is.EqualTo(gpu.Shapes.Claims));
            Assert.That(toy.Robustness, Is.EqualTo(gpu.Robustness));
            Assert.That(toy.Disks.ProfileSupport && toy.Positions.WideDecoder, Is.True);
        });
    }

    /// <summary>
    /// Through `verify`'s own run (partial reports after each claim, the report and claims.json at the end), with the
    /// toy budget: every claim must reach a verdict, none stopped by an exception (a negative control included: the
    /// toy runs do not trip any today, so one that does is a finding to look at) and none skipped at the Gpu tier.
    /// </summary>
    [Test]
    public void Every_claim_runs_to_a_verdict_on_the_gpu_tiers_paths()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"gpu-smoke-{Guid.NewGuid():N}");
        try
        {
            var results = Autoencoders.Report.VerifyRun.Run(new(Tier.Gpu, null, dir, 900), line => TestContext.Progress.WriteLine(line), budget: Toy(baseSeed: 900));
            foreach (var r in results) TestContext.Out.WriteLine($"{r.Id,-4} {ClaimResult.Label(r.Verdict),-15} {r.Summary}");
            var broken = results.Where(r => r.Verdict == Verdict.Skipped || r.Summary.StartsWith("check failed", StringComparison.Ordinal)).Select(r => $"{r.Id}: {r.Summary}").ToList();
            Assert.That(broken, Is.Empty, "checks that threw on the Gpu tier's paths (or were skipped there)");
            Assert.That(results.Select(r => r.Id), Is.EqualTo(ClaimRegistry.Default.Claims.Select(c => c.Id)), "every claim of the spec ran");
            Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Does.Contain("Tier `gpu`").And.Contain("## Where the time went"));
            Assert.That(File.Exists(Path.Combine(dir, "claims.json")), Is.True);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }
}
