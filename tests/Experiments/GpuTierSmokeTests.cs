using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// Every claim through the Gpu tier's code paths, at toy size, on the CPU (a few minutes; `dotnet test --filter
/// TestCategory=GpuSmoke`). The Gpu tier has parts no other tier runs (B4's centres 8 and 22 and widths 1–9, D13's
/// seven λ values, D15's GANs, B2's d = 2 autoencoders, 40 disk seeds); a GPU session has minutes, so a path that
/// throws must be found here first. Verdicts of toy trainings mean nothing and are only printed; what is asserted is
/// that every check runs to a verdict, and that a check stopped by a negative control names it.
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

    [Test]
    public void Every_claim_runs_to_a_verdict_on_the_gpu_tiers_paths()
    {
        using var store = new ExperimentStore(line => TestContext.Progress.WriteLine(line));
        string figures = Path.Combine(Path.GetTempPath(), $"gpu-smoke-{Guid.NewGuid():N}");
        Directory.CreateDirectory(figures);
        var context = new ClaimContext(Toy(baseSeed: 900), store, figures);
        var broken = new List<string>();
        var stoppedByControl = new List<string>();
        try
        {
            foreach (var entry in ClaimRegistry.Default.Claims)
            {
                var check = ClaimChecks.All[entry.Id];
                try
                {
                    var result = check.Run(context);
                    TestContext.Out.WriteLine($"{entry.Id,-4} {ClaimResult.Label(result.Verdict),-15} {result.Summary}");
                }
                catch (ClaimSkippedException e) { broken.Add($"{entry.Id} skipped at the Gpu tier: {e.Message}"); }
                catch (InvalidOperationException e) when (e.Message.StartsWith("negative control failed", StringComparison.Ordinal))
                {
                    // A control may fail on toy trainings; the check reached it, and says which.
                    stoppedByControl.Add($"{entry.Id}: {e.Message}");
                    TestContext.Out.WriteLine($"{entry.Id,-4} stopped by its control on toy training: {e.Message}");
                }
                catch (Exception e) { broken.Add($"{entry.Id}: {e.GetType().Name}: {e.Message}"); }
            }
        }
        finally { Directory.Delete(figures, recursive: true); }
        TestContext.Out.WriteLine($"{stoppedByControl.Count} checks stopped by a negative control on toy training");
        Assert.That(broken, Is.Empty, "checks that threw on the Gpu tier's paths (or skipped there)");
    }
}
