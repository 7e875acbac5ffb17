using System.Collections.Concurrent;
using System.Globalization;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Experiments;

/// <summary>
/// One disk-autoencoder training configuration (Sec. 4): the data (σ, radius range, count, seed), the architecture,
/// the training (steps, lr, batch, regulariser, λ) and K model seeds trained at once. Trained models come from the
/// <see cref="ModelCache"/>, so every claim and test that needs this configuration shares one training run.
/// </summary>
public sealed record DiskExperiment
{
    public AutoencoderConfig Config { get; init; } = AutoencoderConfig.Disk();
    public double Sigma { get; init; } = 1.0;
    /// <summary>Training radii; null means the paper's U(0, 32).</summary>
    public RadiusRange? Range { get; init; }
    public int TrainCount { get; init; } = 3000;
    public int DataSeed { get; init; } = 1;
    public int[] Seeds { get; init; } = [1];
    public int Steps { get; init; } = 2000;
    public double LearningRate { get; init; } = 1e-3;
    public int BatchSize { get; init; } = 300;
    public Regulariser Regulariser { get; init; } = Regulariser.None;
    public double[]? Lambdas { get; init; }
    /// <summary>
    /// True: a diverging model stops the training with an error. False (λ sweeps that look for failure): it is left
    /// with non-finite weights and judged as failed; the other models train on. Not part of the cache key.
    /// </summary>
    public bool StopOnDivergence { get; init; } = true;

    public ImageGrid Grid => new(Config.ImageSize);
    public RadiusRange TrainingRange => Range ?? RadiusRange.Full(Grid);

    /// <summary>Everything that determines the trained weights, as the cache key's text.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"disks σ={Sigma} r∈{TrainingRange} n={TrainCount} data-seed={DataSeed} | {Config} | steps={Steps} lr={LearningRate} batch={BatchSize} ψ={Regulariser} λ=[{string.Join(",", Lambdas ?? [])}] | seeds=[{string.Join(",", Seeds)}]");

    static readonly ConcurrentDictionary<string, ShapeDataset> Datasets = new();

    /// <summary>The training disks (rendered once per process).</summary>
    public ShapeDataset TrainingSet() => Datasets.GetOrAdd(
        string.Create(CultureInfo.InvariantCulture, $"{Grid.Size}|{Sigma}|{TrainingRange}|{TrainCount}|{DataSeed}"),
        _ => ShapeDataset.Disks(new ExactRenderer(Grid, Sigma), TrainingRange, TrainCount, DataSeed));

    /// <summary>Held-out test disks: <paramref name="count"/> evenly spaced radii over <paramref name="range"/> (default: the full range).</summary>
    public ShapeDataset TestSet(int count = 64, RadiusRange? range = null) =>
        ShapeDataset.Disks(new ExactRenderer(Grid, Sigma), (range ?? RadiusRange.Full(Grid)).Sweep(count));

    /// <summary>The trained K models (from the cache, or trained now and cached).</summary>
    public Autoencoder Train(Action<string>? log = null) => ModelCache.GetOrTrain(Describe(), () =>
    {
        var data = TrainingSet();
        var model = new Autoencoder(Config, Seeds);
        model.to(TorchRuntime.Device);
        var adam = new Adam(model.parameters(), LearningRate);
        log?.Invoke($"training {Describe()}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Trainer.Train(new ReconstructionObjective(model, data.Images.to(TorchRuntime.Device), Regulariser, Lambdas),
            new TrainingOptions
            {
                Steps = Steps, BatchSize = BatchSize, LearningRate = LearningRate, Seeds = Seeds, LogEvery = 100, ThrowOnDivergence = StopOnDivergence,
                Progress = log is null ? null : (step, losses) => log(
                    $"  step {step}/{Steps} loss {string.Join(" ", losses.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)))}" +
                    $" (time left ~{TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / step * (Steps - step)):m\\:ss})"),
            }, adam);
        return (model, Seeds, adam);
    }, log);
}
