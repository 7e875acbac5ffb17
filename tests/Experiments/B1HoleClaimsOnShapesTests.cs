using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// B1's hole claims (D11, D12) on squares and ellipses (from the Experiment tier; at the Gpu tier's budgets too, which
/// this budget starts from) had never run end to end. This runs the B1 path with them on a toy budget (two seeds, 30
/// steps, batch 20, seeds 901–902, which no tier uses), so a missing piece fails here in minutes rather than after an
/// hour of training (nightly, with the Experiment tier). The toy networks
/// do not learn: the test pins the plumbing (every comparison reported, with each side's runs counted), not a verdict.
/// </summary>
public class B1HoleClaimsOnShapesTests
{
    [Test, Claim("B1"), Category("Experiment")] // about 1.5 min (the shapes' hole datasets): too long for the default tier
    public void The_B1_path_with_the_hole_claims_runs_end_to_end_on_a_toy_budget()
    {
        var gpu = Budget.For(Tier.Gpu, baseSeed: 900);
        var toy = gpu with
        {
            Disks = new DiskBudget(Seeds: 2, Steps: 30, BiasFreeSteps: 30, GeneralisationSteps: 30, GeneralisationBatch: 20, Sigma: 1.0, SmallestCheckedRadius: 12, ProfileSupport: false),
            Regularisers = gpu.Regularisers! with { Seeds = 2, Steps = 30, Batch = 20 },
            Shapes = new ShapeBudget(Claims: ["D2", "D3", "D6", "D9", "D11", "D12"], Chart: null),
        };
        var context = TestRun.Context(Tier.Gpu) with { Budget = toy };
        var r = ClaimChecks.All["B1"].Run(context);
        double M(string name) => r.Metrics.TryGetValue(name, out var v) ? v : throw new AssertionException($"B1 reports no metric {name}; it reports {string.Join(", ", r.Metrics.Keys.Take(40))}");
        Assert.Multiple(() =>
        {
            Assert.That(M("pairs"), Is.EqualTo(12), "six carried claims on two shapes");
            Assert.That(r.Summary, Does.Not.Contain("Not run at this tier"), "every carried claim ran");
            foreach (var shape in new[] { "squares", "ellipses" })
                foreach (var claim in new[] { "D11", "D12" })
                    Assert.That(M($"{shape}.{claim}.runs"), Is.EqualTo(2), $"{shape} {claim}: both toy seeds were judged (trained or not)");
        });
    }

    /// <summary>
    /// The d = 2 ellipse chart's path (Experiment tier and above) on a toy budget: two seeds, 20 steps; its evaluation
    /// images rendered once for the trained networks, the untrained control and the figure. Pins the plumbing only.
    /// </summary>
    [Test, Claim("B1"), Category("Experiment")] // the d = 2 ellipses and their training take minutes
    public void The_d2_ellipse_chart_runs_end_to_end_on_a_toy_budget()
    {
        var experiment = Budget.For(Tier.Experiment, baseSeed: 900);
        var toy = experiment with
        {
            Disks = new DiskBudget(Seeds: 2, Steps: 20, BiasFreeSteps: 20, GeneralisationSteps: 20, GeneralisationBatch: 20, Sigma: 1.0, SmallestCheckedRadius: 12, ProfileSupport: false),
            Shapes = new ShapeBudget(Claims: ["D6"], Chart: new EllipseChartBudget(Seeds: 2, Steps: 20, Batch: 20)),
        };
        var r = ClaimChecks.All["B1"].Run(TestRun.Context(Tier.Experiment) with { Budget = toy });
        Assert.Multiple(() =>
        {
            Assert.That(r.Metrics.Keys.Where(k => k.StartsWith("ellipses_ab.chart_within_1px[")), Has.Exactly(2).Items);
            Assert.That(r.Metrics.Keys.Where(k => k.StartsWith("ellipses_ab.control_relative_error[")), Has.Exactly(2).Items, "the control ran per seed");
            Assert.That(r.Figures.Select(Path.GetFileName), Does.Contain("b1_ellipses_ab_chart.png"));
            Assert.That(r.Figures, Is.All.Matches<string>(File.Exists));
        });
    }
}
