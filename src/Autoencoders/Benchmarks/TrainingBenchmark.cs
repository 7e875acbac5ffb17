using System.Diagnostics;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Benchmarks;

/// <summary>Milliseconds per Adam step of the paper's 64×64 disk autoencoder at batch 300, K models at once (and of its 1-D position decoders).</summary>
public static class TrainingBenchmark
{
    public sealed record Result(int Models, int Steps, double MsPerStep, double MsPerModelStep, string Device, int Threads);

    /// <summary>Times <paramref name="steps"/> steps after <paramref name="warmup"/> untimed ones (a process's first steps also pay for JIT compilation and heap growth).</summary>
    public static Result Run(int models, int steps, int warmup = 50)
    {
        Check(models, steps, warmup);
        var seeds = Enumerable.Range(0, models).ToArray();
        var (data, model, objective) = PaperNetwork(seeds, TorchRuntime.Device);
        using (data) using (model) return Time(objective, new TrainingOptions { Steps = steps, Seeds = seeds }, warmup);
    }

    /// <summary>
    /// What bench trains: the paper's disk autoencoder (K models, initialised on the CPU from <paramref name="seeds"/>,
    /// then moved to <paramref name="device"/>) on 600 exact disks of seed 1, and its reconstruction objective.
    /// The caller disposes the data and the model.
    /// </summary>
    public static (ShapeDataset Data, Autoencoder Model, ReconstructionObjective Objective) PaperNetwork(int[] seeds, TorchSharp.torch.Device device)
    {
        var grid = ImageGrid.Paper;
        var data = ShapeDataset.Disks(new ExactRenderer(grid, 1.0), RadiusRange.Full(grid), 600, seed: 1);
        var model = new Autoencoder(AutoencoderConfig.Disk(), seeds);
        model.to(device);
        return (data, model, new ReconstructionObjective(model, data.Images.to(device)));
    }

    /// <summary>The parameter count of one benchmarked autoencoder (the PyTorch reference must have the same).</summary>
    public static long ParameterCount()
    {
        TorchRuntime.Initialise();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [0]);
        return model.parameters().Sum(p => p.numel());
    }

    /// <summary>
    /// The same timing for K of Sec. 5.4's 1-D position decoders (P4's continuous ones, batch 100, width ×1): networks
    /// so small that a step is mostly per-call overhead, which K models at once share.
    /// </summary>
    public static Result RunPositionDecoders(int models, int steps, int warmup = 50)
    {
        Check(models, steps, warmup);
        var experiment = new Experiments.PositionDecoderExperiment(Continuous: true, Seeds: Enumerable.Range(1, models).ToArray(), Steps: steps);
        var (net, objective, options) = experiment.Prepare();
        using (net) return Time(objective, options, warmup);
    }

    static void Check(int models, int steps, int warmup)
    {
        if (models < 1 || steps < 1 || warmup < 0) throw new ArgumentException("bench needs at least one model, one timed step and no negative warm-up");
        TorchRuntime.Initialise();
    }

    /// <summary>Times the options' steps of the objective after <paramref name="warmup"/> untimed ones.</summary>
    static Result Time(IObjective objective, TrainingOptions options, int warmup)
    {
        if (warmup > 0) Trainer.Train(objective, options with { Steps = warmup });
        var clock = Stopwatch.StartNew();
        Trainer.Train(objective, options);
        double ms = clock.Elapsed.TotalMilliseconds / options.Steps;
        return new Result(objective.Models, options.Steps, ms, ms / objective.Models, TorchRuntime.Device.type.ToString(), TorchRuntime.Threads);
    }
}
