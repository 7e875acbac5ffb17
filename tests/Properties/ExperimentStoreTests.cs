using Autoencoders.Experiments;
using Autoencoders.Training;

namespace Autoencoders.Tests.Properties;

/// <summary>The experiment store: each configuration runs once per store, a failure is not kept, identity is every field.</summary>
public class ExperimentStoreTests
{
    /// <summary>Counts its runs; fails while <see cref="Failures"/> is positive.</summary>
    sealed class Counter
    {
        public int Runs;
        public int Failures;
    }

    sealed record Counted(string Name, int Size, [property: System.Text.Json.Serialization.JsonIgnore] Counter Counter) : IExperiment<string>
    {
        public string Run(ExperimentStore store)
        {
            Counter.Runs++;
            if (Counter.Failures-- > 0) throw new InvalidOperationException($"{Name} failed");
            return $"{Name}:{Size}";
        }
    }

    [Test]
    public void A_configuration_runs_once_and_another_configuration_runs_again()
    {
        using var store = new ExperimentStore();
        var counter = new Counter();
        Assert.That(store.Get(new Counted("a", 1, counter)), Is.EqualTo("a:1"));
        Assert.That(store.Get(new Counted("a", 1, counter)), Is.EqualTo("a:1"));
        Assert.That(counter.Runs, Is.EqualTo(1), "an equal configuration (a new record with the same fields) is served from the store");
        Assert.That(store.Get(new Counted("a", 2, counter)), Is.EqualTo("a:2"));
        Assert.That(counter.Runs, Is.EqualTo(2), "a configuration that differs in one field is another experiment");
    }

    /// <summary>The old static caches kept a Lazy's exception for the life of the process; the store keeps nothing for a failed run.</summary>
    [Test]
    public void A_failed_run_is_not_kept_and_the_next_request_runs_it_again()
    {
        using var store = new ExperimentStore();
        var counter = new Counter { Failures = 1 };
        Assert.That(() => store.Get(new Counted("b", 1, counter)), Throws.InvalidOperationException.With.Message.Contains("b failed"));
        Assert.That(store.Count, Is.Zero);
        Assert.That(store.Get(new Counted("b", 1, counter)), Is.EqualTo("b:1"));
        Assert.That(counter.Runs, Is.EqualTo(2));
    }

    /// <summary>Sleeps, and first asks the store for its inner experiment (if any).</summary>
    sealed record Sleeper(string Name, int Milliseconds, Sleeper? Inner) : IExperiment<string>
    {
        public string Run(ExperimentStore store)
        {
            if (Inner is not null) store.Get(Inner);
            Thread.Sleep(Milliseconds);
            return Name;
        }
    }

    /// <summary>
    /// Each experiment's own time leaves out the experiments it asked for: an outer one that sleeps 150 ms around an
    /// inner one of 300 ms owns at least 150 ms and totals its own time plus the inner one's; a second request costs
    /// nothing and is not listed. Lower bounds only (a sleep lasts at least its time; a loaded host stretches it).
    /// </summary>
    [Test]
    public void Timings_give_each_experiment_its_own_time()
    {
        using var store = new ExperimentStore();
        var inner = new Sleeper("inner", 300, null);
        store.Get(new Sleeper("outer", 150, inner));
        store.Get(inner);
        var t = store.Timings;
        Assert.That(t.Select(x => x.Configuration[..16]), Is.EqualTo(new[] { "{\"Name\":\"inner\",", "{\"Name\":\"outer\"," }), "in the order they finished, each once");
        Assert.Multiple(() =>
        {
            Assert.That(t[0].Kind, Is.EqualTo(nameof(Sleeper)));
            Assert.That(t[0].Own, Is.EqualTo(t[0].Total), "the inner one asked for nothing");
            Assert.That(t[0].Own.TotalMilliseconds, Is.GreaterThanOrEqualTo(295));
            Assert.That(t[1].Own.TotalMilliseconds, Is.GreaterThanOrEqualTo(145), "the outer one's own sleep");
            Assert.That(t[1].Total - t[1].Own, Is.EqualTo(t[0].Total), "the outer one's total is its own time and the inner one's, exactly");
            Assert.That(t.Any(x => x.Failed), Is.False);
        });
    }

    /// <summary>An experiment that throws is listed, marked failed, with its time; its caller's own time leaves it out.</summary>
    [Test]
    public void A_failed_experiment_keeps_its_time_and_is_marked()
    {
        using var store = new ExperimentStore();
        var counter = new Counter { Failures = 1 };
        var failing = new Counted("f", 1, counter);
        Assert.Throws<InvalidOperationException>(() => store.Get(new Caller(failing)));
        var t = store.Timings;
        Assert.That(t.Select(x => (x.Kind, x.Failed)), Is.EqualTo(new[] { (nameof(Counted), true), (nameof(Caller), true) }));
        Assert.That(t[1].Total - t[1].Own, Is.EqualTo(t[0].Total));
        Assert.That(store.Count, Is.Zero, "nothing kept");
    }

    sealed record Caller(Counted Inner) : IExperiment<string>
    {
        public string Run(ExperimentStore store) => store.Get(Inner);
    }

    [Test]
    public void A_disposed_store_refuses_requests()
    {
        var store = new ExperimentStore();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.Get(new Counted("c", 1, new Counter())));
    }

    /// <summary>
    /// The cache key is the record itself: every public property of a disk experiment that is not marked [JsonIgnore]
    /// appears in its key text, so a field added later is part of the identity without anyone writing it down.
    /// </summary>
    [Test]
    public void Every_field_of_a_configuration_is_part_of_its_key()
    {
        foreach (var type in new[] { typeof(DiskExperiment), typeof(PositionDecoderExperiment), typeof(PositionEncoderExperiment), typeof(DiskTrainingSet), typeof(HoleCodes), typeof(GanExperiment) })
        {
            var keyed = type.GetProperties().Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract").Select(p => p.Name).ToArray();
            Assert.That(keyed, Is.Not.Empty, type.Name);
            if (type != typeof(DiskExperiment)) continue;
            string text = ConfigurationKey.Text(new DiskExperiment());
            foreach (var name in keyed) Assert.That(text, Does.Contain($"\"{name}\""), $"{type.Name}.{name} is missing from the key");
        }
        var e = new DiskExperiment();
        var variants = new object[]
        {
            e with { Sigma = 0.5 }, e with { Steps = 2001 }, e with { Seeds = [2] }, e with { BatchSize = 100 }, e with { DataSeed = 2 },
            e with { Range = Autoencoders.Data.RadiusRange.Uniform(0, 18) }, e with { Lambdas = [1.0] }, e with { Config = Autoencoders.Models.AutoencoderConfig.Disk(false, false) },
            e with { Regulariser = Regulariser.EncoderWeights }, e with { LearningRate = 1e-2 }, e with { TrainCount = 100 },
        };
        var keys = variants.Select(v => ModelCache.Key(v)).Append(ModelCache.Key(e)).ToArray();
        Assert.That(keys.Distinct().Count(), Is.EqualTo(keys.Length), "each changed field gives another key");
        Assert.That(ModelCache.Key(e with { StopOnDivergence = false }), Is.EqualTo(ModelCache.Key(e)), "StopOnDivergence does not change trained weights and is not part of the key");
        Assert.That(ModelCache.Key(new DiskExperiment()), Is.EqualTo(ModelCache.Key(e)), "equal records, equal keys");
        var grid = Autoencoders.Data.ImageGrid.Paper;
        Assert.That(ModelCache.Key(e with { Range = Autoencoders.Data.RadiusRange.WithHole(grid, 11, 18) }),
            Is.Not.EqualTo(ModelCache.Key(e with { Range = Autoencoders.Data.RadiusRange.WithHole(grid, 7, 14) })),
            "two holes of one width, same total length, min and max: the intervals themselves must be in the key");
    }
}
