using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Benchmarks;

/// <summary>
/// Whether a training repeats: the paper's disk autoencoder trained twice for a few steps from the same
/// initialisation and data, and its weights compared. On the CPU the same seeds give bit-identical weights (our
/// kernels and libtorch's fixed reduction order); on CUDA, libtorch's deterministic algorithms are on where it has
/// them (<see cref="TorchRuntime"/>), and this measures what remains. Across devices (CUDA against the CPU) it
/// measures how far two backends' rounding drifts apart in the same training: the spread a GPU verdict carries
/// against a CPU one before any seed is changed.
/// </summary>
public static class Repeatability
{
    /// <summary>One training to compare: where it runs and its models' seeds (initialisation and batch order).</summary>
    public sealed record Run(Device Device, int[] Seeds);

    /// <param name="MaxWeightDifference">Largest |w₁ − w₂| over every parameter of every model.</param>
    /// <param name="MaxWeightMagnitude">Largest |w₁|, the scale of that difference.</param>
    /// <param name="MaxLossDifference">Largest relative difference of the models' final losses.</param>
    public sealed record Result(string First, string Second, int Models, int Steps, double MaxWeightDifference, double MaxWeightMagnitude, double MaxLossDifference, bool BitIdentical);

    public static Result Compare(Run first, Run second, int steps)
    {
        if (first.Seeds.Length != second.Seeds.Length || first.Seeds.Length == 0) throw new ArgumentException("both trainings need the same number of models (at least one)");
        if (steps < 1) throw new ArgumentException("the comparison needs at least one training step");
        TorchRuntime.Initialise();
        var (w1, l1) = Train(first, steps);
        var (w2, l2) = Train(second, steps);
        double maxDiff = 0, maxMagnitude = 0, maxLoss = 0;
        for (int i = 0; i < w1.Length; i++)
        {
            maxDiff = Math.Max(maxDiff, Math.Abs((double)w1[i] - w2[i]));
            maxMagnitude = Math.Max(maxMagnitude, Math.Abs(w1[i]));
        }
        for (int m = 0; m < l1.Length; m++) maxLoss = Math.Max(maxLoss, Math.Abs(l1[m] - l2[m]) / Math.Max(Math.Abs(l1[m]), 1e-30));
        return new Result(first.Device.type.ToString(), second.Device.type.ToString(), first.Seeds.Length, steps, maxDiff, maxMagnitude, maxLoss,
            w1.AsSpan().SequenceEqual(w2) && l1.AsSpan().SequenceEqual(l2));
    }

    /// <summary>Trains on the run's device and returns every weight (on the host) and each model's final loss.</summary>
    static (float[] Weights, double[] Losses) Train(Run run, int steps)
    {
        using var scope = NewDisposeScope();
        // Initialised on the CPU from the seeds, then moved: both runs start from the same weights.
        var (data, model, objective) = TrainingBenchmark.PaperNetwork(run.Seeds, run.Device);
        using (data) using (model)
        {
            var result = Trainer.Train(objective, new TrainingOptions { Steps = steps, Seeds = run.Seeds, LogEvery = steps });
            var weights = model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
            return (weights, result.FinalLoss);
        }
    }
}
