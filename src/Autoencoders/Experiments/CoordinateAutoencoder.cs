using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Experiments;

/// <summary>
/// B2, task 3: K autoencoders with a code of size d = 2 trained on Not-so-Clevr images at continuous positions of the
/// split's training centres; plain, or CoordConv (the encoder's first layer and every decoder layer read the
/// coordinate channels). Is the code a chart of the position: can (x, y) be read back from z?
/// </summary>
public sealed record CoordinateAutoencoderExperiment(NotSoClevrSplit Split, bool CoordConv, int[] Seeds, int Steps, int Batch = 64,
    int Images = 3000, int Width = 8, double LearningRate = 1e-3, int DataSeed = 1) : IExperiment<TrainedNetwork<Autoencoder>>
{
    /// <summary>
    /// Per model: reconstruction of the test centres, and the chart: (x, y) fitted from z by a cubic polynomial
    /// (least squares on the integer training centres), its error at every test centre; beside it (reported, not a bar)
    /// the local chart's error (<see cref="LocalChart"/>: an affine map from the 8 training centres of nearest code).
    /// </summary>
    public sealed record Evaluation(double RelativeError, double[] ChartErrors, double[] LocalChartErrors, Analysis.Trainability Trainability)
    {
        /// <summary>B2's per-seed bar for the chart: ≥ 0.95 of the test centres within 1 px.</summary>
        public double ChartWithinPixel => ChartErrors.Count(e => e <= 1) / (double)ChartErrors.Length;

        /// <summary>The same share for the local chart (a non-finite reading, NaN, is never within 1 px).</summary>
        public double LocalChartWithinPixel => LocalChartErrors.Count(e => e <= 1) / (double)LocalChartErrors.Length;
    }

    public AutoencoderConfig Config => new()
    {
        EncoderDepths = [1, .. Enumerable.Repeat(Width, 5), 2],
        DecoderDepths = [2, .. Enumerable.Repeat(Width, 5), 1],
        CoordConv = CoordConv,
    };

    public Autoencoder Network() => new(Config, Seeds);

    public TrainedNetwork<Autoencoder> Run(ExperimentStore store) => ModelCache.GetOrTrain<Autoencoder>(this, () =>
    {
        store.Log?.Invoke($"training {Seeds.Length} {(CoordConv ? "CoordConv" : "plain")} autoencoders with d = 2 ({Split} split), {Steps} steps");
        var model = Network();
        model.to(TorchRuntime.Device);
        var images = NotSoClevr.Images(NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed)).to(TorchRuntime.Device);
        var (adam, result) = Trainer.TrainNew(new ReconstructionObjective(model, images),
            new TrainingOptions { Steps = Steps, BatchSize = Batch, LearningRate = LearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
        return (model, Seeds, adam, result);
    }, store.Log);

    public Evaluation[] Evaluate(Autoencoder model)
    {
        var test = NotSoClevr.TestCentres(Split, DataSeed);
        var train = NotSoClevr.TrainingCentres(Split, DataSeed).Select(c => ((double)c.X, (double)c.Y)).ToArray();
        var (testCodes, testOutputs) = Pass(model, test.Select(c => ((double)c.X, (double)c.Y)).ToArray());
        var (trainCodes, _) = Pass(model, train);
        // Whether it trained (the one rule) is judged on images it was trained on, as for the other two tasks: 300 of
        // its continuous training positions.
        var seen = NotSoClevr.ContinuousTrainingPositions(Split, Images, DataSeed).Take(300).ToArray();
        var (_, seenOutputs) = Pass(model, seen);
        var testImages = test.Select(c => NotSoClevr.Square(c.X, c.Y)).ToArray();
        var seenImages = seen.Select(c => NotSoClevr.Square(c.X, c.Y)).ToArray();
        return Enumerable.Range(0, model.Models).Select(k =>
        {
            static double Error((double X, double Y) p, (int X, int Y) c) => Math.Sqrt((p.X - c.X) * (p.X - c.X) + (p.Y - c.Y) * (p.Y - c.Y));
            var chart = CubicChart.Fit(trainCodes[k], train);
            var local = new LocalChart(trainCodes[k], train);
            var errors = test.Select((c, i) => Error(chart.At(testCodes[k][i]), c)).ToArray();
            var localErrors = test.Select((c, i) => Error(local.At(testCodes[k][i]), c)).ToArray();
            return new Evaluation(CodePass.RelativeError(testOutputs[k], testImages), errors, localErrors,
                Analysis.Trainability.Of(seenOutputs[k], seenImages));
        }).ToArray();
    }

    /// <summary>Codes [model][image] (d = 2) and outputs [model][image][pixels] for squares at <paramref name="centres"/>.</summary>
    static ((double, double)[][] Codes, float[][][] Outputs) Pass(Autoencoder model, (double X, double Y)[] centres) =>
        CodePass.Run(model, centres.Length, (start, n) => NotSoClevr.Images(centres.Skip(start).Take(n).ToArray()));
}

/// <summary>Each model of <paramref name="Training"/> on its split's test centres (<see cref="CoordinateAutoencoderExperiment.Evaluate"/>), once per store.</summary>
public sealed record CoordinateAutoencoderEvaluations(CoordinateAutoencoderExperiment Training) : IExperiment<CoordinateAutoencoderExperiment.Evaluation[]>
{
    public CoordinateAutoencoderExperiment.Evaluation[] Run(ExperimentStore store) => Training.Evaluate(store.Get(Training).Model);
}
