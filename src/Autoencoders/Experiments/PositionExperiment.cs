using System.Collections.Concurrent;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// Sec. 5 experiments on 1-D Diracs, K seeds trained at once: the position encoder (one-hot → position, Sec. 5.3)
/// and the position decoder (position → Dirac, Sec. 5.4) with continuous (Eq. 19) or discrete (one-hot) training data.
/// Positions are scaled to codes z = a / n so targets and inputs are of order one.
/// </summary>
public static class PositionExperiment
{
    public const int SignalLength = 64;

    /// <summary>Decoder batch size: at 300 the paper's depths decode in fewer seeds (spec/settings.md).</summary>
    public const int DecoderBatch = 100;

    /// <summary>
    /// Trains K encoders on all n one-hots, target the inverted position (n − a)/n (the orientation of Prop. 3's
    /// network; the regression is affine-invariant up to the sign the leaky ReLUs allow). Batch: all n examples.
    /// </summary>
    public static (ConvStack Net, TrainingResult Result) TrainEncoder(int[] seeds, int steps, double learningRate = 1e-2, int n = SignalLength)
    {
        var net = new ConvStack("position-encoder", PositionNetworks.Encoder(n), seeds.Length);
        net.Initialise(seeds, 0);
        net.to(TorchRuntime.Device);
        var inputs = eye(n).view(n, 1, n).to(TorchRuntime.Device);
        var targets = tensor(Enumerable.Range(0, n).Select(a => (float)(n - a) / n).ToArray(), [n, 1, 1]).to(TorchRuntime.Device);
        var result = Trainer.Train(new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = steps, BatchSize = n, LearningRate = learningRate, Seeds = seeds, LogEvery = Math.Max(1, steps / 10) });
        return (net, result);
    }

    static readonly ConcurrentDictionary<string, Lazy<(ConvStack, TrainingResult)>> Encoders = new();

    /// <summary>The trained encoders for (seeds, steps), trained once per process (P3's check and its tests share them). Do not dispose.</summary>
    public static (ConvStack Net, TrainingResult Result) SharedEncoder(int[] seeds, int steps) =>
        Encoders.GetOrAdd($"{string.Join(",", seeds)}|{steps}", _ => new Lazy<(ConvStack, TrainingResult)>(() => TrainEncoder(seeds, steps))).Value;

    /// <summary>Each layer's filter of model k, [L][3].</summary>
    public static double[][] Filters(ConvStack net, int k) =>
        net.Weights.Select(w => w.detach().cpu().view(net.Models, 3)[k].data<float>().Select(v => (double)v).ToArray()).ToArray();

    /// <summary>The decoder's input code for position a: z = a / n, of order one like the targets.</summary>
    public static double Code(double a, int n = SignalLength) => a / n;

    /// <summary>Training positions for the decoder: continuous a ~ U(0, n−1) (seeded) or the n integers.</summary>
    public static double[] DecoderPositions(bool continuous, int count = 3000, int seed = 11, int n = SignalLength) =>
        continuous ? RadiusRange.Uniform(0, n - 1).Sample(count, seed) : Enumerable.Range(0, n).Select(a => (double)a).ToArray();

    static readonly ConcurrentDictionary<string, Lazy<(ConvStack, TrainingResult)>> Decoders = new();

    /// <summary>
    /// The trained decoders for (data kind, seeds, steps), trained once per process: P4 and P5 judge the same runs.
    /// The returned network is shared; do not dispose it.
    /// </summary>
    public static (ConvStack Net, TrainingResult Result) SharedDecoder(bool continuous, int[] seeds, int steps, int width = 1) =>
        Decoders.GetOrAdd($"{continuous}|{string.Join(",", seeds)}|{steps}|{width}",
            _ => new Lazy<(ConvStack, TrainingResult)>(() => TrainDecoder(continuous, seeds, steps, spec: PositionNetworks.Decoder(width: width)))).Value;

    /// <summary>Trains K decoders z = a/n → target signal (triangular Dirac when continuous, one-hot when discrete).</summary>
    public static (ConvStack Net, TrainingResult Result) TrainDecoder(bool continuous, int[] seeds, int steps, double learningRate = 1e-2, int n = SignalLength, double? finalLearningRate = null, ConvStackSpec? spec = null)
    {
        var positions = DecoderPositions(continuous, n: n);
        var net = new ConvStack("position-decoder", spec ?? PositionNetworks.Decoder(), seeds.Length);
        net.Initialise(seeds, 0);
        net.to(TorchRuntime.Device);
        var inputs = tensor(positions.Select(a => (float)Code(a, n)).ToArray(), [positions.Length, 1, 1]).to(TorchRuntime.Device);
        var signals = positions.SelectMany(a => continuous ? Diracs.Triangular(n, a) : Diracs.OneHot(n, (int)a)).ToArray();
        var targets = tensor(signals, [positions.Length, 1, n]).to(TorchRuntime.Device);
        var result = Trainer.Train(new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = steps, BatchSize = Math.Min(DecoderBatch, positions.Length), LearningRate = learningRate, FinalLearningRate = finalLearningRate, Seeds = seeds, LogEvery = Math.Max(1, steps / 10) });
        return (net, result);
    }
}
