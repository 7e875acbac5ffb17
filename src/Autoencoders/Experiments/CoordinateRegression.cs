using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// B2, task 1 (regression): K encoders map a Not-so-Clevr image to its square's centre, coded u = (c − 4)/55 per
/// axis, trained on continuous positions of the split's training centres; plain, or with CoordConv's coordinate
/// channels read by its first layer (<see cref="CoordinateChannels"/>).
/// </summary>
public sealed record CoordinateRegressionExperiment(NotSoClevrSplit Split, bool CoordConv, int[] Seeds, int Steps, int Batch = 64,
    int Images = 3000, int Width = 8, double LearningRate = 1e-3, int DataSeed = 1) : IExperiment<TrainedNetwork<ConvStack>>
{
    /// <summary>What the K networks of one experiment get right: per model, the predicted centre of every test centre.</summary>
    public sealed record Evaluation((int X, int Y)[] TestCentres, (double X, double Y)[] Predicted, Analysis.Trainability Trainability)
    {
        /// <summary>Euclidean error in pixels per test centre.</summary>
        public double[] Errors => TestCentres.Select((c, k) => Math.Sqrt(Square(Predicted[k].X - c.X) + Square(Predicted[k].Y - c.Y))).ToArray();
        /// <summary>The share of test centres recovered within 1 px (B2's per-seed bar: ≥ 0.95).</summary>
        public double WithinPixel => Errors.Count(e => e <= 1) / (double)Errors.Length;
        public double MeanError => Errors.Average();
        static double Square(double v) => v * v;
    }

    static Tensor Inputs(Tensor images) => images.unsqueeze(1);

    public ConvStack Network() => new("coordinate-encoder", PositionNetworks.Encoder2D(CoordConv, Width), Seeds.Length);

    public TrainedNetwork<ConvStack> Run(ExperimentStore store) => ModelCache.GetOrTrain<ConvStack>(this, () =>
    {
        store.Log?.Invoke($"training {Seeds.Length} {(CoordConv ? "CoordConv" : "plain")} coordinate encoders ({Split} split), {Steps} steps");
        var positions = NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed);
        var net = Network();
        net.Initialise(Seeds, 0);
        net.to(TorchRuntime.Device);
        using var images = NotSoClevr.Images(positions);
        var inputs = Inputs(images).to(TorchRuntime.Device);
        var targets = NotSoClevr.Codes(positions).to(TorchRuntime.Device);
        var (adam, result) = Trainer.TrainNew(new RegressionObjective(net, inputs, targets),
            new TrainingOptions { Steps = Steps, BatchSize = Batch, LearningRate = LearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
        return (net, Seeds, adam, result);
    }, store.Log);

    /// <summary>
    /// Each model on the split's test centres, and whether it trained (the one rule, on its outputs for 500 of its own
    /// training positions against their targets).
    /// </summary>
    public Evaluation[] Evaluate(ConvStack net)
    {
        var test = NotSoClevr.TestCentres(Split, DataSeed);
        var seen = NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed).Take(500).ToArray();
        var predicted = Predict(net, test.Select(c => ((double)c.X, (double)c.Y)).ToArray());
        var onSeen = Predict(net, seen);
        var seenTargets = seen.Select(c => new[] { (float)NotSoClevr.Code(c.X), (float)NotSoClevr.Code(c.Y) }).ToArray();
        return Enumerable.Range(0, net.Models).Select(k => new Evaluation(test, predicted[k],
            Analysis.Trainability.Of(onSeen[k].Select(p => new[] { (float)NotSoClevr.Code(p.X), (float)NotSoClevr.Code(p.Y) }).ToArray(), seenTargets))).ToArray();
    }

    /// <summary>Predicted centres [model][image] for squares at <paramref name="centres"/>.</summary>
    (double X, double Y)[][] Predict(ConvStack net, (double X, double Y)[] centres)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var outputs = new List<float[]>();
        const int chunk = 256;
        for (int start = 0; start < centres.Length; start += chunk)
        {
            var part = centres.Skip(start).Take(chunk).ToArray();
            using var images = NotSoClevr.Images(part);
            var y = RegressionObjective.Apply(net, Inputs(images).to(TorchRuntime.Device)).cpu(); // [B, K, 2, 1, 1]
            outputs.Add(y.data<float>().ToArray());
        }
        var all = outputs.SelectMany(o => o).ToArray(); // image-major: [N][K][2]
        int k = net.Models;
        return Enumerable.Range(0, k).Select(m => Enumerable.Range(0, centres.Length)
            .Select(i => (NotSoClevr.Centre(all[(i * k + m) * 2]), NotSoClevr.Centre(all[(i * k + m) * 2 + 1]))).ToArray()).ToArray();
    }
}

/// <summary>Each model of <paramref name="Training"/> on its split's test centres (<see cref="CoordinateRegressionExperiment.Evaluate"/>), once per store.</summary>
public sealed record CoordinateRegressionEvaluations(CoordinateRegressionExperiment Training) : IExperiment<CoordinateRegressionExperiment.Evaluation[]>
{
    public CoordinateRegressionExperiment.Evaluation[] Run(ExperimentStore store) => Training.Evaluate(store.Get(Training).Model);
}
