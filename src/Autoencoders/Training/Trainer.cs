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
/// a seeded permutation). Same seeds and thread count give bit-identical results on CPU. Losses are read, checked for
/// divergence and logged once per window of <see cref="TrainingOptions.LogEvery"/> steps (a run that diverges stops
/// at the end of that window, naming the step where it did).
/// </summary>
public static class Trainer
{
    /// <summary>Steps whose batch indices go to the device together (one upload per chunk).</summary>
    public const int BatchChunk = 100;

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
        long startStep = adam.Step, lastStep = startStep + options.Steps;
        var samplers = options.Seeds.Select(s => new BatchSampler(n, s, startStep * b)).ToArray();
        var neighbourRandom = new Random(Data.StableSeed.Of(options.Seeds[0], "neighbours/" + startStep));
        var device = parameters[0].device;
        var logged = new List<int>();
        var curves = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var window = new double[k];
        var divergences = new Divergence?[k];
        // Few round trips between host and device: batch indices are drawn ahead (in the samplers' order, so the batches
        // are the same) and uploaded a chunk at a time, and the per-step losses stay on the device until their logging
        // window ends. On CUDA each copy waits for the device, so one per step would stop the host from queueing the next
        // step's kernels while the GPU runs; on the CPU nothing changes but when divergence is seen. (ψ1's partners are
        // still drawn and uploaded every step, in the objective.)
        // Batches go up in chunks of at most BatchChunk steps, whatever the logging window (a run logged once at its
        // end must not hold all its batches at once).
        Tensor? chunk = null;
        int chunkStart = 0, chunkRows = 0;
        var windowLosses = new List<Tensor>();
        int windowStart = (int)startStep + 1;
        try
        {
            for (int step = (int)startStep + 1; step <= lastStep; step++)
            {
                if (windowLosses.Count == 0) windowStart = step;
                if (chunk is null || step - chunkStart >= chunkRows)
                {
                    chunk?.Dispose();
                    chunkStart = step;
                    chunkRows = (int)Math.Min(BatchChunk, lastStep - step + 1);
                    var indices = new long[(long)chunkRows * k * b];
                    for (int r = 0; r < chunkRows; r++)
                        for (int m = 0; m < k; m++) samplers[m].Next(indices.AsSpan((int)(((long)r * k + m) * b), b));
                    using var scope0 = NewDisposeScope();
                    chunk = tensor(indices, [chunkRows, k, b]).to(device).DetachFromDisposeScope();
                }
                using (var scope = NewDisposeScope())
                {
                    var batch = chunk[step - chunkStart];
                    adam.ZeroGrad();
                    var losses = objective.Loss(batch, neighbourRandom);
                    losses.sum().backward();
                    windowLosses.Add(losses.detach().DetachFromDisposeScope());
                    adam.LearningRate = options.LearningRateAt(step, lastStep);
                    adam.Update();
                }
                if (windowLosses.Count == options.LogEvery || step == lastStep)
                {
                    // The window's losses, step by step and model by model in the order a per-step reading would take them.
                    float[] values;
                    using (var scope1 = NewDisposeScope()) values = stack(windowLosses, 0).cpu().data<float>().ToArray();
                    int count = windowLosses.Count;
                    foreach (var t in windowLosses) t.Dispose();
                    windowLosses.Clear();
                    for (int r = 0; r < count; r++)
                        for (int m = 0; m < k; m++)
                        {
                            float v = values[r * k + m];
                            if (divergences[m] is not null) continue;
                            if (!float.IsFinite(v))
                            {
                                divergences[m] = new Divergence(windowStart + r, v);
                                if (options.ThrowOnDivergence) throw new TrainingDivergedException(m, windowStart + r, v, objective.Describe());
                            }
                            window[m] += v;
                        }
                    logged.Add(step);
                    var means = window.Select((sum, m) => divergences[m] is null ? sum / count : double.NaN).ToArray();
                    for (int m = 0; m < k; m++) curves[m].Add(means[m]);
                    options.Progress?.Invoke(step, means);
                    Array.Clear(window);
                }
            }
        }
        finally
        {
            foreach (var t in windowLosses) t.Dispose();
            chunk?.Dispose();
            if (resume is null) adam.Dispose(); // made here, so released here; a caller's optimiser stays the caller's
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
