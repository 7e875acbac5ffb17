using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// B2, task 2 (supervised rendering): K decoders map a square's centre, coded u = (c − 4)/55 per axis, to its
/// Not-so-Clevr image, trained on continuous positions of the split's training centres; plain, or with CoordConv's
/// coordinate channels read by every layer.
/// </summary>
public sealed record CoordinateRenderingExperiment(NotSoClevrSplit Split, bool CoordConv, int[] Seeds, int Steps, int Batch = 64,
    int Images = 3000, int Width = 8, double LearningRate = 1e-3, int DataSeed = 1) : IExperiment<TrainedNetwork<ConvStack>>
{
    /// <summary>Per model: IoU (output ≥ 0.5 against the square) and relative pixel error at every test centre.</summary>
    public sealed record Evaluation((int X, int Y)[] TestCentres, double[] IoU, double[] RelativeError, Analysis.Trainability Trainability)
    {
        /// <summary>B2's per-seed bar: mean IoU over the test centres ≥ 0.9.</summary>
        public double MeanIoU => IoU.Average();
        public double MeanRelativeError => RelativeError.Average();
    }

    public ConvStack Network() => new("coordinate-renderer", PositionNetworks.Decoder2D(CoordConv, Width), Seeds.Length);

    public TrainedNetwork<ConvStack> Run(ExperimentStore store) => ModelCache.GetOrTrain<ConvStack>(this, () =>
    {
        store.Log?.Invoke($"training {Seeds.Length} {(CoordConv ? "CoordConv" : "plain")} coordinate renderers ({Split} split), {Steps} steps");
        var positions = NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed);
        var net = Network();
        net.Initialise(Seeds, 0);
        net.to(TorchRuntime.Device);
        var inputs = NotSoClevr.Codes(positions).to(TorchRuntime.Device);
        using var images = NotSoClevr.Images(positions);
        var targets = images.unsqueeze(1).to(TorchRuntime.Device);
        var (adam, result) = Trainer.TrainNew(new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = Steps, BatchSize = Batch, LearningRate = LearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
        return (net, Seeds, adam, result);
    }, store.Log);

    /// <summary>Each model on the split's test centres; whether it trained (the one rule) on 300 of its own training positions.</summary>
    public Evaluation[] Evaluate(ConvStack net)
    {
        var test = NotSoClevr.TestCentres(Split, DataSeed).Select(c => ((double)c.X, (double)c.Y)).ToArray();
        var seen = NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed).Take(300).ToArray();
        var rendered = Render(net, test);
        var onSeen = Render(net, seen);
        var seenTargets = seen.Select(c => NotSoClevr.Square(c.X, c.Y)).ToArray();
        return Enumerable.Range(0, net.Models).Select(k =>
        {
            var iou = new double[test.Length];
            var error = new double[test.Length];
            for (int i = 0; i < test.Length; i++)
            {
                var truth = NotSoClevr.Square(test[i].Item1, test[i].Item2);
                var y = rendered[k][i];
                int both = 0, either = 0;
                double diff = 0, norm = 0;
                for (int p = 0; p < truth.Length; p++)
                {
                    bool a = y[p] >= 0.5, b = truth[p] >= 0.5;
                    if (a && b) both++;
                    if (a || b) either++;
                    diff += (y[p] - truth[p]) * (y[p] - truth[p]);
                    norm += truth[p] * truth[p];
                }
                iou[i] = either == 0 ? 0 : both / (double)either;
                error[i] = diff / norm;
            }
            return new Evaluation(NotSoClevr.TestCentres(Split, DataSeed), iou, error, Analysis.Trainability.Of(onSeen[k], seenTargets));
        }).ToArray();
    }

    /// <summary>Rendered images [model][centre][pixels].</summary>
    public static float[][][] Render(ConvStack net, (double X, double Y)[] centres)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int k = net.Models, pixels = NotSoClevr.Canvas * NotSoClevr.Canvas;
        var result = Enumerable.Range(0, k).Select(_ => new float[centres.Length][]).ToArray();
        const int chunk = 256;
        for (int start = 0; start < centres.Length; start += chunk)
        {
            var part = centres.Skip(start).Take(chunk).ToArray();
            var y = RegressionObjective.Apply(net, NotSoClevr.Codes(part).to(TorchRuntime.Device)).cpu().data<float>().ToArray(); // [B, K, 1, 64, 64]
            for (int i = 0; i < part.Length; i++)
                for (int m = 0; m < k; m++) result[m][start + i] = y.AsSpan((i * k + m) * pixels, pixels).ToArray();
        }
        return result;
    }
}

/// <summary>Each model of <paramref name="Training"/> on its split's test centres (<see cref="CoordinateRenderingExperiment.Evaluate"/>), once per store.</summary>
public sealed record CoordinateRenderingEvaluations(CoordinateRenderingExperiment Training) : IExperiment<CoordinateRenderingExperiment.Evaluation[]>
{
    public CoordinateRenderingExperiment.Evaluation[] Run(ExperimentStore store) => Training.Evaluate(store.Get(Training).Model);
}
