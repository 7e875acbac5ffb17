using Autoencoders.Configuration;
using Autoencoders.Data;

namespace Autoencoders.Tests.Properties;

/// <summary>The per-tier budget (one file) and the geometry the claims share (one definition each).</summary>
public class BudgetTests
{
    /// <summary>spec/settings.md shows the budget table exactly as the code builds it.</summary>
    [Test]
    public void The_settings_spec_shows_the_budget_the_code_runs()
    {
        string settings = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "spec", "settings.md")).Replace("\r\n", "\n");
        Assert.That(settings, Does.Contain(Budget.Table().Replace("\r\n", "\n")), "regenerate the table in spec/settings.md from Budget.Table()");
    }

    [Test]
    public void The_default_tier_skips_what_it_cannot_afford_and_the_gpu_tier_runs_everything()
    {
        var small = Budget.For(Tier.Default);
        var gpu = Budget.For(Tier.Gpu, baseSeed: 10);
        Assert.Multiple(() =>
        {
            Assert.That(small.Regularisers, Is.Null);
            Assert.That(small.Gans, Is.Null);
            Assert.That(small.Robustness, Is.Null);
            Assert.That(gpu.Regularisers!.Seeds, Is.EqualTo(10), "D12–D14 are bootstrapped over seeds");
            Assert.That(gpu.Regularisers.SweepLambdas, Has.Length.EqualTo(7));
            Assert.That(gpu.Seeds(3), Is.EqualTo(new[] { 11, 12, 13 }));
        });
    }

    /// <summary>B3's variation changes σ and scales every disk training length, and nothing else.</summary>
    [Test]
    public void The_robustness_variation_scales_every_disk_training_and_sets_sigma()
    {
        var b = Budget.For(Tier.Gpu);
        var v = b.Varied();
        Assert.Multiple(() =>
        {
            Assert.That(v.Disks.Sigma, Is.EqualTo(0.5));
            Assert.That(v.Disks.Steps, Is.EqualTo(6000));
            Assert.That(v.Disks.BiasFreeSteps, Is.EqualTo(3000));
            Assert.That(v.Disks.GeneralisationSteps, Is.EqualTo(6000));
            Assert.That(v.Regularisers!.Steps, Is.EqualTo(6000));
            Assert.That(v.Gans!.Steps, Is.EqualTo(4500));
            Assert.That(v.Positions, Is.EqualTo(b.Positions), "the 1-D position runs are not disk runs");
            Assert.That(v.Robustness, Is.Null, "a varied budget is not varied again");
        });
        Assert.Throws<InvalidOperationException>(() => Budget.For(Tier.Default).Varied());
    }

    /// <summary>The paper's hole (11, 18) and every window measured around it, as the spec states them.</summary>
    [Test]
    public void The_paper_hole_gives_the_windows_of_the_spec()
    {
        var h = Hole.Paper;
        Assert.Multiple(() =>
        {
            Assert.That(h.Inside, Is.EqualTo(new RadiusWindow(12, 17)));
            Assert.That(h.Below, Is.EqualTo(new RadiusWindow(7, 10)));
            Assert.That(h.Above, Is.EqualTo(new RadiusWindow(19, 22)));
            Assert.That(h.FitBelow, Is.EqualTo(new RadiusWindow(6, 11)));
            Assert.That(h.FitAbove, Is.EqualTo(new RadiusWindow(18, 23)));
            Assert.That((h.AnchorBelow, h.AnchorAbove), Is.EqualTo((8.0, 21.0)));
            Assert.That(h.Inside.MetricSuffix, Is.EqualTo("12_17"));
            Assert.That(h.Caption, Is.EqualTo("(11, 18)"));
            Assert.That(h.Excludes(11), Is.False);
            Assert.That(h.Excludes(11.25), Is.True);
            Assert.That(h.TrainingRange(ImageGrid.Paper).ToString(), Is.EqualTo("[0, 11] ∪ [18, 32]"));
        });
    }

    [Test]
    public void A_window_selects_the_test_radii_inside_it()
    {
        double[] radii = [11.75, 12.25, 16.75, 17.25];
        Assert.That(new RadiusWindow(12, 17).IndicesIn(radii), Is.EqualTo(new[] { 1, 2 }));
    }

    /// <summary>Data flows one way: experiments do not know about claims (checks judge what experiments produce).</summary>
    [Test]
    public void The_experiments_layer_does_not_reference_claims()
    {
        var root = Path.Combine(TestPaths.RepositoryRoot, "src", "Autoencoders");
        foreach (var folder in new[] { "Experiments", "Configuration", "Training", "Models", "Data", "Analysis" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs"))
                Assert.That(File.ReadAllText(file), Does.Not.Contain("Autoencoders.Claims"), $"{folder}/{Path.GetFileName(file)} references the claims layer");
    }

    /// <summary>`verify --seed N` moves every seed: initialisations and batch orders, and the training data too.</summary>
    [Test]
    public void A_base_seed_gives_fresh_data_as_well_as_fresh_initialisations()
    {
        var shifted = Budget.For(Tier.Experiment, baseSeed: 100);
        var suite = Autoencoders.Experiments.DiskSuite.For(shifted);
        var decoders = Autoencoders.Experiments.PositionExperiment.Decoders(shifted, continuous: true);
        Assert.Multiple(() =>
        {
            Assert.That(suite.Full.Seeds, Is.EqualTo(new[] { 101, 102, 103, 104, 105, 106 }));
            Assert.That(suite.Full.DataSeed, Is.EqualTo(101));
            Assert.That(suite.Hole.DataSeed, Is.EqualTo(101));
            Assert.That(decoders.DataSeed, Is.EqualTo(111));
            Assert.That(Autoencoders.Experiments.DiskSuite.For(Budget.For(Tier.Default)).Full.DataSeed, Is.EqualTo(1), "base seed 0 keeps the recorded data");
            Assert.That(Autoencoders.Experiments.HoleRegularisation.SweepSeeds(shifted), Is.EqualTo(new[] { 102, 103, 104, 105, 106, 107 }), "D13 skips the pilot's position");
        });
    }
}
