namespace Autoencoders.Training;

/// <summary>How long and how to train (defaults: the paper's Adam, lr 0.001, batch 300).</summary>
public sealed record TrainingOptions
{
    public int Steps { get; init; } = 1000;
    public int BatchSize { get; init; } = 300;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>
    /// Null: a constant learning rate. Otherwise the rate decays exponentially from <see cref="LearningRate"/> at the
    /// first step to this value at the last: lr(s) = lr₀ (lr₁/lr₀)^((s − 1)/(S − 1)), S the last step of this run.
    /// </summary>
    public double? FinalLearningRate { get; init; }

    /// <summary>The learning rate of (1-based) step <paramref name="step"/> of a run ending at step <paramref name="lastStep"/>.</summary>
    public double LearningRateAt(long step, long lastStep) =>
        FinalLearningRate is not double end || lastStep <= 1 ? LearningRate
            : LearningRate * Math.Pow(end / LearningRate, (double)(step - 1) / (lastStep - 1));
    /// <summary>Seed of each model's batch order and ψ1 partners (its initialisation is seeded by the model).</summary>
    public int[] Seeds { get; init; } = [0];
    /// <summary>Record the mean loss of each model every this many steps.</summary>
    public int LogEvery { get; init; } = 50;
    /// <summary>True: a diverging model stops the run with an exception. False: it is recorded and the others go on.</summary>
    public bool ThrowOnDivergence { get; init; } = true;
    /// <summary>Called with (step, per-model loss) every <see cref="LogEvery"/> steps, e.g. for a progress display.</summary>
    public Action<int, double[]>? Progress { get; init; }

    public TrainingOptions Check(int models, int datasetSize)
    {
        if (Steps < 0) throw new ArgumentException($"steps = {Steps} must be ≥ 0");
        if (BatchSize < 1) throw new ArgumentException($"batch size {BatchSize} must be ≥ 1");
        if (BatchSize > datasetSize) throw new ArgumentException($"batch size {BatchSize} exceeds the {datasetSize} training examples");
        if (Seeds.Length != models) throw new ArgumentException($"{Seeds.Length} training seeds for {models} models");
        if (FinalLearningRate is double end && (!(end > 0) || !double.IsFinite(end)))
            throw new ArgumentException($"final learning rate {end} must be a finite number > 0");
        if (LogEvery < 1) throw new ArgumentException($"LogEvery = {LogEvery} must be ≥ 1");
        return this;
    }
}
