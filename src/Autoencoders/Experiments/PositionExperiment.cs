using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// Sec. 5 on 1-D Diracs: what the position encoders and decoders share. Positions are scaled to codes z = a / n so
/// targets and inputs are of order one.
/// </summary>
public static class PositionExperiment
{
    public const int SignalLength = 64;

    /// <summary>The decoder's input code for position a: z = a / n, of order one like the targets.</summary>
    public static double Code(double a, int n = SignalLength) => a / n;

    /// <summary>Training positions for the decoder: continuous a ~ U(0, n−1) (seeded) or the n integers.</summary>
    public static double[] DecoderPositions(bool continuous, int count = 3000, int seed = DefaultDataSeed, int n = SignalLength) =>
        continuous ? RadiusRange.Uniform(0, n - 1).Sample(count, seed) : Enumerable.Range(0, n).Select(a => (double)a).ToArray();

    /// <summary>Each layer's filter of model k, [L][3].</summary>
    public static double[][] Filters(ConvStack net, int k) =>
        net.Weights.Select(w => w.detach().cpu().view(net.Models, 3)[k].data<float>().Select(v => (double)v).ToArray()).ToArray();

    /// <summary>P3's encoders at the tier's budget.</summary>
    public static PositionEncoderExperiment Encoders(Budget budget) =>
        new(budget.Seeds(budget.Positions.EncoderSeeds), budget.Positions.EncoderSteps);

    /// <summary>P4/P5's decoders at the tier's budget: continuous or discrete training data, width factor 1 (the paper's depths) or more.</summary>
    public static PositionDecoderExperiment Decoders(Budget budget, bool continuous, int width = 1) =>
        new(continuous, budget.Seeds(budget.Positions.DecoderSeeds), budget.Positions.DecoderSteps, width, budget.Positions.DecoderBatch, DataSeed: DefaultDataSeed + budget.BaseSeed);

    /// <summary>The seed of the continuous training positions at base seed 0; `verify --seed N` adds N.</summary>
    public const int DefaultDataSeed = 11;
}

/// <summary>
/// K position encoders (Sec. 5.3) trained on all n one-hots, target the inverted position (n − a)/n (the orientation
/// of Prop. 3's network; the regression is affine-invariant up to the sign the leaky ReLUs allow). Batch: all n.
/// </summary>
public sealed record PositionEncoderExperiment(int[] Seeds, int Steps, double LearningRate = 1e-2, int SignalLength = PositionExperiment.SignalLength)
    : IExperiment<TrainedNetwork<ConvStack>>
{
    /// <summary>Whether each encoder trained (the one rule, <see cref="Analysis.Trainability"/>): its outputs on the n one-hots against their targets.</summary>
    public Analysis.Trainability[] Trainability(ConvStack net)
    {
        int n = SignalLength;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var y = RegressionObjective.Apply(net, eye(n).view(n, 1, n).to(TorchRuntime.Device)).cpu(); // [n, K, 1, 1]
        var targets = Enumerable.Range(0, n).Select(a => new[] { (float)(n - a) / n }).ToArray();
        return Enumerable.Range(0, net.Models).Select(k =>
            Analysis.Trainability.Of(Enumerable.Range(0, n).Select(a => new[] { y[a, k, 0, 0].item<float>() }).ToArray(), targets)).ToArray();
    }

    public TrainedNetwork<ConvStack> Run(ExperimentStore store) => ModelCache.GetOrTrain<ConvStack>(this, () =>
    {
        int n = SignalLength;
        store.Log?.Invoke($"training {Seeds.Length} position encoders, {Steps} steps");
        var net = new ConvStack("position-encoder", PositionNetworks.Encoder(n), Seeds.Length);
        net.Initialise(Seeds, 0);
        net.to(TorchRuntime.Device);
        var inputs = eye(n).view(n, 1, n).to(TorchRuntime.Device);
        var targets = tensor(Enumerable.Range(0, n).Select(a => (float)(n - a) / n).ToArray(), [n, 1, 1]).to(TorchRuntime.Device);
        var (adam, result) = Trainer.TrainNew(new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = Steps, BatchSize = n, LearningRate = LearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
        return (net, Seeds, adam, result);
    }, store.Log);
}

/// <summary>
/// K position decoders (Sec. 5.4), z = a/n → target signal: the triangular Dirac of Eq. 19 at continuous positions
/// a ~ U(0, n − 1), or the one-hot at the n integers (discrete). <see cref="Width"/> multiplies the hidden depths.
/// </summary>
public sealed record PositionDecoderExperiment(bool Continuous, int[] Seeds, int Steps, int Width = 1, int Batch = 100,
    double LearningRate = 1e-2, double? FinalLearningRate = null, int SignalLength = PositionExperiment.SignalLength, int DataSeed = PositionExperiment.DefaultDataSeed)
    : IExperiment<TrainedNetwork<ConvStack>>
{
    public TrainedNetwork<ConvStack> Run(ExperimentStore store) => ModelCache.GetOrTrain<ConvStack>(this, () =>
    {
        store.Log?.Invoke($"training {Seeds.Length} {(Continuous ? "continuous" : "discrete")} position decoders (width ×{Width}), {Steps} steps");
        var trained = Train();
        return (trained.Net, Seeds, trained.Adam, trained.Result);
    }, store.Log);

    /// <summary>
    /// Whether each decoder trained (the one rule, <see cref="Analysis.Trainability"/>): its outputs at its own training
    /// positions against its own targets (triangular Diracs, or one-hots at the integers).
    /// </summary>
    public Analysis.Trainability[] Trainability(ConvStack net)
    {
        int n = SignalLength;
        var positions = PositionExperiment.DecoderPositions(Continuous, seed: DataSeed, n: n);
        var targets = positions.Select(a => Continuous ? Diracs.Triangular(n, a) : Diracs.OneHot(n, (int)a)).ToArray();
        return DecodedDiracs.Of(net, positions, n).Select(d => Analysis.Trainability.Of(d.Outputs, targets)).ToArray();
    }

    /// <summary>Trains the decoders now (no cache); the caller owns the network and the optimiser.</summary>
    public (ConvStack Net, Adam Adam, TrainingResult Result) Train()
    {
        var (net, objective, options) = Prepare();
        var (adam, result) = Trainer.TrainNew(objective, options);
        return (net, adam, result);
    }

    /// <summary>The untrained decoders on the runtime device with their objective and options (`bench` times these steps).</summary>
    public (ConvStack Net, RegressionObjective Objective, TrainingOptions Options) Prepare()
    {
        int n = SignalLength;
        var positions = PositionExperiment.DecoderPositions(Continuous, seed: DataSeed, n: n);
        var net = new ConvStack("position-decoder", PositionNetworks.Decoder(width: Width), Seeds.Length);
        net.Initialise(Seeds, 0);
        net.to(TorchRuntime.Device);
        var inputs = tensor(positions.Select(a => (float)PositionExperiment.Code(a, n)).ToArray(), [positions.Length, 1, 1]).to(TorchRuntime.Device);
        var signals = positions.SelectMany(a => Continuous ? Diracs.Triangular(n, a) : Diracs.OneHot(n, (int)a)).ToArray();
        var targets = tensor(signals, [positions.Length, 1, n]).to(TorchRuntime.Device);
        return (net, new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = Steps, BatchSize = Math.Min(Batch, positions.Length), LearningRate = LearningRate, FinalLearningRate = FinalLearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
    }
}
