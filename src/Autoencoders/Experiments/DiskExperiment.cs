using System.Globalization;
using System.Text.Json.Serialization;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Experiments;

/// <summary>
/// The training disks of a disk experiment: <see cref="Count"/> radii drawn from <see cref="Range"/> with
/// <see cref="Seed"/>, rendered exactly with blur σ on an m×m grid (or squares, ellipses: <see cref="Shape"/>, B1).
/// Rendered once per store.
/// </summary>
public sealed record DiskTrainingSet(int ImageSize, double Sigma, RadiusRange Range, int Count, int Seed, ShapeKind Shape = ShapeKind.Disk) : IExperiment<ShapeDataset>
{
    public ShapeDataset Run(ExperimentStore store) =>
        ShapeDataset.Of(ShapeFamily.Of(Shape), new ExactRenderer(new ImageGrid(ImageSize), Sigma), Range, Count, Seed);
}

/// <summary>
/// One disk-autoencoder training configuration (Sec. 4): the data (σ, radius range, count, seed), the architecture,
/// the training (steps, lr, batch, regulariser, λ) and K model seeds trained at once. The trained models come from
/// the <see cref="ModelCache"/>, keyed by this record, so every claim and test that needs it shares one training run.
/// </summary>
public sealed record DiskExperiment : IExperiment<TrainedNetwork<Autoencoder>>
{
    /// <summary>The shape family trained on (B1); the paper's disks unless stated. Sizes play the radius's part throughout.</summary>
    public ShapeKind Shape { get; init; } = ShapeKind.Disk;
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
    /// with non-finite weights and judged as failed; the other models train on. It does not change the weights of a
    /// run that trains, so it is not part of the identity.
    /// </summary>
    [JsonIgnore]
    public bool StopOnDivergence { get; init; } = true;

    [JsonIgnore] public ImageGrid Grid => new(Config.ImageSize);
    [JsonIgnore] public ShapeFamily Family => ShapeFamily.Of(Shape);
    [JsonIgnore] public RadiusRange TrainingRange => Range ?? RadiusRange.Full(Grid);

    /// <summary>The training data's configuration.</summary>
    [JsonIgnore] public DiskTrainingSet TrainingSet => new(Config.ImageSize, Sigma, TrainingRange, TrainCount, DataSeed, Shape);

    /// <summary>Held-out test shapes: <paramref name="count"/> evenly spaced sizes over <paramref name="range"/> (default: the full range).</summary>
    public ShapeDataset TestSet(int count = 64, RadiusRange? range = null) =>
        ShapeDataset.Of(Family, new ExactRenderer(Grid, Sigma), (range ?? RadiusRange.Full(Grid)).Sweep(count));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Family.Name} σ={Sigma} r∈{TrainingRange} n={TrainCount} | {Config} | steps={Steps} batch={BatchSize} ψ={Regulariser} λ=[{string.Join(",", Lambdas ?? [])}] | seeds=[{string.Join(",", Seeds)}]");

    /// <summary>
    /// The trained K models (from the cache, or trained now and cached). A cached run in which a model diverged (a λ
    /// sweep keeps such runs) is refused to a caller that stops on divergence, since the flag is not in the key.
    /// </summary>
    public TrainedNetwork<Autoencoder> Run(ExperimentStore store)
    {
        var trained = Train(store);
        if (StopOnDivergence && Array.FindIndex(trained.Result.Divergences, d => d is not null) is int m and >= 0)
            throw new TrainingDivergedException(m, trained.Result.Divergences[m]!.Step, trained.Result.Divergences[m]!.Loss, ToString());
        return trained;
    }

    TrainedNetwork<Autoencoder> Train(ExperimentStore store) => ModelCache.GetOrTrain<Autoencoder>(this, () =>
    {
        var data = store.Get(TrainingSet);
        var model = new Autoencoder(Config, Seeds);
        model.to(TorchRuntime.Device);
        var adam = new Adam(model.parameters(), LearningRate);
        var log = store.Log;
        log?.Invoke($"training {this}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Trainer.Train(new ReconstructionObjective(model, data.Images.to(TorchRuntime.Device), Regulariser, Lambdas),
            new TrainingOptions
            {
                Steps = Steps, BatchSize = BatchSize, LearningRate = LearningRate, Seeds = Seeds, LogEvery = 100, ThrowOnDivergence = StopOnDivergence,
                Progress = log is null ? null : (step, losses) => log(
                    $"  step {step}/{Steps} loss {string.Join(" ", losses.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)))}" +
                    $" (time left ~{TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / step * (Steps - step)):m\\:ss})"),
            }, adam);
        return (model, Seeds, adam, result);
    }, store.Log);
}

/// <summary>Each trained model of <paramref name="Training"/> on 64 evenly spaced held-out radii over (0, 32).</summary>
public sealed record DiskEvaluations(DiskExperiment Training) : IExperiment<DiskEvaluation[]>
{
    public DiskEvaluation[] Run(ExperimentStore store)
    {
        using var test = Training.TestSet();
        return DiskEvaluation.Of(store.Get(Training).Model, test, Training.Family);
    }
}
