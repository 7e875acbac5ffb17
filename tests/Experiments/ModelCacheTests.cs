using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;

namespace Autoencoders.Tests.Experiments;

/// <summary>The trained-model cache: reuse, corruption detection, one trainer at a time.</summary>
[NonParallelizable]
public class ModelCacheTests
{
    static readonly AutoencoderConfig Small = new() { ImageSize = 32, EncoderDepths = [1, 8, 4, 4, 2, 1] };
    string directory = "";
    string? saved;

    [SetUp]
    public void UseTemporaryCache()
    {
        TorchRuntime.Initialise();
        saved = Environment.GetEnvironmentVariable(ModelCache.Variable);
        directory = Path.Combine(Path.GetTempPath(), $"cache-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable(ModelCache.Variable, directory);
    }

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable(ModelCache.Variable, saved);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    static (Autoencoder, int[], Adam, TrainingResult) Fresh(int seed)
    {
        var model = new Autoencoder(Small, [seed]);
        return (model, [seed], new Adam(model.parameters(), 1e-3), new TrainingResult([10], [[1.5]], [null]));
    }

    /// <summary>
    /// The key changes with the code that trains and with the device, so a warm cache never serves a network trained
    /// by older code or on another device (#16.10); the build stamps the hash of that code.
    /// </summary>
    [Test]
    public void The_key_holds_the_training_code_and_the_device()
    {
        var config = new Autoencoders.Experiments.DiskExperiment();
        Assert.Multiple(() =>
        {
            Assert.That(ModelCache.TrainingCodeHash, Does.Match("^[0-9A-Fa-f]{64}$"), "a SHA-256 stamped at build time");
            Assert.That(ModelCache.Key(config), Is.EqualTo(ModelCache.Key(config, ModelCache.TrainingCodeHash, TorchRuntime.Device.type.ToString())));
            Assert.That(ModelCache.Key(config, "a", "CPU"), Is.Not.EqualTo(ModelCache.Key(config, "b", "CPU")), "another training code");
            Assert.That(ModelCache.Key(config, "a", "CPU"), Is.Not.EqualTo(ModelCache.Key(config, "a", "CUDA")), "another device");
        });
    }

    static TrainedNetwork<Autoencoder> Get(object configuration, Func<(Autoencoder, int[], Adam, TrainingResult)> train) => ModelCache.GetOrTrain<Autoencoder>(configuration, train);

    static float[] Weights(Autoencoder m) => m.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Test]
    public void A_second_request_loads_what_the_first_trained()
    {
        int trainings = 0;
        using var first = Get("config A", () => { trainings++; return Fresh(1); });
        using var second = Get("config A", () => { trainings++; return Fresh(2); });
        Assert.That(trainings, Is.EqualTo(1));
        Assert.That(Weights(second.Model), Is.EqualTo(Weights(first.Model)));
        Assert.That(second.Result.FinalLoss, Is.EqualTo(new[] { 1.5 }), "the loss curve comes back with the network");
        using var other = Get("config B", () => { trainings++; return Fresh(3); });
        Assert.That(trainings, Is.EqualTo(2), "another configuration is another entry");
    }

    [Test]
    public void A_corrupt_entry_is_retrained_never_loaded()
    {
        int trainings = 0;
        Get("config C", () => { trainings++; return Fresh(1); }).Dispose();
        var entry = Directory.GetFiles(directory, "*.aeckpt").Single();
        var bytes = File.ReadAllBytes(entry);
        bytes[bytes.Length / 3] ^= 0xFF;
        File.WriteAllBytes(entry, bytes);
        using var model = Get("config C", () => { trainings++; return Fresh(4); });
        Assert.That(trainings, Is.EqualTo(2));
        using var reference = Fresh(4).Item1;
        Assert.That(Weights(model.Model), Is.EqualTo(Weights(reference)));
    }

    [Test]
    public void Concurrent_requests_train_once()
    {
        int trainings = 0;
        var tasks = Enumerable.Range(0, 3).Select(_ => Task.Run(() => Get("config D", () =>
        {
            Interlocked.Increment(ref trainings);
            Thread.Sleep(300);
            return Fresh(5);
        }))).ToArray();
        Task.WaitAll(tasks);
        foreach (var t in tasks) t.Result.Dispose();
        Assert.That(trainings, Is.EqualTo(1));
    }

    /// <summary>A 1-D position net and a loss curve with a diverged model (NaN, infinity) survive a checkpoint exactly.</summary>
    [Test]
    public void A_conv_stack_and_a_diverged_loss_curve_round_trip_through_a_checkpoint()
    {
        string path = Path.Combine(directory, "stack.aeckpt");
        Directory.CreateDirectory(directory);
        using var net = new ConvStack("position-decoder", PositionNetworks.Decoder(), 2);
        net.Initialise([1, 2], 0);
        var result = new TrainingResult([50, 100], [[0.5, 0.25], [double.NaN, double.NaN]], [null, new Divergence(73, double.PositiveInfinity)]);
        using (var adam = new Adam(net.parameters(), 1e-2)) Checkpoint.Save(path, net, [1, 2], adam, result);
        var loaded = Checkpoint.Load(path);
        using var stack = (ConvStack)loaded.Model;
        loaded.Adam.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(stack.StackName, Is.EqualTo("position-decoder"));
            Assert.That(stack.Spec.Channels, Is.EqualTo(net.Spec.Channels));
            Assert.That(stack.parameters().SelectMany(p => p.data<float>().ToArray()), Is.EqualTo(net.parameters().SelectMany(p => p.data<float>().ToArray())));
            Assert.That(loaded.Seeds, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(loaded.Result!.FinalLoss[0], Is.EqualTo(0.25));
            Assert.That(double.IsNaN(loaded.Result.FinalLoss[1]));
            Assert.That(loaded.Result.Divergences[1], Is.EqualTo(new Divergence(73, double.PositiveInfinity)));
        });
    }

    [Test]
    public void Clear_removes_every_entry()
    {
        Get("config E", () => Fresh(1)).Dispose();
        Assert.That(ModelCache.Clear(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(directory, "*.aeckpt"), Is.Empty);
    }
}
