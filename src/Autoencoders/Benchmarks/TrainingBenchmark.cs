using System.Diagnostics;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Benchmarks;

/// <summary>Milliseconds per Adam step of the paper's 64×64 disk autoencoder at batch 300, K models at once.</summary>
public static class TrainingBenchmark
{
    public sealed record Result(int Models, int Steps, double MsPerStep, double MsPerModelStep, string Device, int Threads);

    /// <summary>Times <paramref name="steps"/> steps after <paramref name="warmup"/> untimed ones (a process's first steps also pay for JIT compilation and heap growth).</summary>
    public static Result Run(int models, int steps, int warmup = 50)
    {
        if (models < 1 || steps < 1 || warmup < 0) throw new ArgumentException("bench needs at least one model, one timed step and no negative warm-up");
        TorchRuntime.Initialise();
        var grid = ImageGrid.Paper;
        using var data = ShapeDataset.Disks(new ExactRenderer(grid, 1.0), RadiusRange.Full(grid), 600, seed: 1);
        var seeds = Enumerable.Range(0, models).ToArray();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), seeds);
        model.to(TorchRuntime.Device);
        var images = data.Images.to(TorchRuntime.Device);
        var objective = new ReconstructionObjective(model, images);
        var options = new TrainingOptions { Steps = steps, Seeds = seeds };
        if (warmup > 0) Trainer.Train(objective, options with { Steps = warmup });
        var clock = Stopwatch.StartNew();
        Trainer.Train(objective, options);
        double ms = clock.Elapsed.TotalMilliseconds / steps;
        return new Result(models, steps, ms, ms / models, TorchRuntime.Device.type.ToString(), TorchRuntime.Threads);
    }
}
