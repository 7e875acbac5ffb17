using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>Per model: the loss curve and, when it diverged, where.</summary>
public sealed record TrainingResult(int[] LoggedSteps, double[][] Losses, Divergence?[] Divergences)
{
    /// <summary>Mean loss over the last logged window, per model.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double[] FinalLoss => Losses.Select(curve => curve.Length == 0 ? double.NaN : curve[^1]).ToArray();
    public bool Failed(int model) => Divergences[model] is not null;
}

public sealed record Divergence(int Step, double Loss);

/// <summary>
/// The one training loop: Adam on the sum of the K models' losses, each model drawing its own batches (epochs of
/// a seeded permutation). Same seeds and thread count give bit-identical results on CPU.
/// </summary>
public static class Trainer
{
    /// <summary>Trains with a new Adam over the objective's parameters at the options' rate; returns it for checkpoints.</summary>
    public static (Adam Adam, TrainingResult Result) TrainNew(IObjective objective, TrainingOptions options)
    {
        var adam = new Adam(objective.Module.parameters(), options.LearningRate);
        return (adam, Train(objective, options, adam));
    }

    public static TrainingResult Train(IObjective objective, TrainingOptions options, Adam? resume = null)
    {
        options.Check(objective.Models, objective.DatasetSize);
        int k = objective.Models, n = objective.DatasetSize, b = options.BatchSize;
        var parameters = objective.Module.parameters().ToList();
        var adam = resume ?? new Adam(parameters, options.LearningRate);
        if (!adam.Updates(parameters))
            throw new InvalidOperationException("the optimiser to resume updates other tensors than the model's parameters (was the model moved to another device after it was made?)");
        long startStep = adam.Step;
        var samplers = options.Seeds.Select(s => new BatchSampler(n, s, startStep * b)).ToArray();
        var neighbourRandom = new Random(Data.StableSeed.Of(options.Seeds[0], "neighbours/" + startStep));
        var device = parameters[0].device;
        var logged = new List<int>();
        var curves = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var window = new double[k];
        int windowCount = 0;
        var divergences = new Divergence?[k];
        var indices = new long[k * b];

        for (int step = (int)startStep + 1; step <= startStep + options.Steps; step++)
        {
            using var scope = NewDisposeScope();
            for (int m = 0; m < k; m++) samplers[m].Next(indices.AsSpan(m * b, b));
            var batch = tensor(indices, [k, b]).to(device);
            adam.ZeroGrad();
            var losses = objective.Loss(batch, neighbourRandom);
            losses.sum().backward();
            var values = losses.detach().cpu().data<float>().ToArray();
            for (int m = 0; m < k; m++)
            {
                if (divergences[m] is not null) continue;
                if (!float.IsFinite(values[m]))
                {
                    divergences[m] = new Divergence(step, values[m]);
                    if (options.ThrowOnDivergence) throw new TrainingDivergedException(m, step, values[m], objective.Describe());
                }
                window[m] += values[m];
            }
            adam.LearningRate = options.LearningRateAt(step, startStep + options.Steps);
            adam.Update();
            windowCount++;
            if (windowCount == options.LogEvery || step == startStep + options.Steps)
            {
                logged.Add(step);
                var means = window.Select((s, m) => divergences[m] is null ? s / windowCount : double.NaN).ToArray();
                for (int m = 0; m < k; m++) curves[m].Add(means[m]);
                options.Progress?.Invoke(step, means);
                Array.Clear(window);
                windowCount = 0;
            }
        }
        return new TrainingResult(logged.ToArray(), curves.Select(c => c.ToArray()).ToArray(), divergences);
    }
}

/// <summary>Epochs of seeded random permutations of 0..n−1, cut into batches; can skip ahead to resume.</summary>
public sealed class BatchSampler
{
    readonly int n;
    readonly Random random;
    readonly int[] order;
    int position;

    public BatchSampler(int n, int seed, long skip = 0)
    {
        this.n = n;
        random = new Random(Data.StableSeed.Of(seed, "batches"));
        order = new int[n];
        position = n;
        Span<long> sink = stackalloc long[1];
        for (long i = 0; i < skip; i++) Next(sink);
    }

    public void Next(Span<long> batch)
    {
        for (int i = 0; i < batch.Length; i++)
        {
            if (position == n) Reshuffle();
            batch[i] = order[position++];
        }
    }

    void Reshuffle()
    {
        for (int i = 0; i < n; i++) order[i] = i;
        random.Shuffle(order);
        position = 0;
    }
}
