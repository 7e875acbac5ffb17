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
    /// (least squares on the integer training centres), its error at every test centre.
    /// </summary>
    public sealed record Evaluation(double RelativeError, double[] ChartErrors, Analysis.Trainability Trainability)
    {
        /// <summary>B2's per-seed bar for the chart: ≥ 0.95 of the test centres within 1 px.</summary>
        public double ChartWithinPixel => ChartErrors.Count(e => e <= 1) / (double)ChartErrors.Length;
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
        var train = NotSoClevr.TrainingCentres(Split, DataSeed);
        var (testCodes, testOutputs) = Pass(model, test.Select(c => ((double)c.X, (double)c.Y)).ToArray());
        var (trainCodes, trainOutputs) = Pass(model, train.Select(c => ((double)c.X, (double)c.Y)).ToArray());
        var testImages = test.Select(c => NotSoClevr.Square(c.X, c.Y)).ToArray();
        var trainImages = train.Select(c => NotSoClevr.Square(c.X, c.Y)).ToArray();
        return Enumerable.Range(0, model.Models).Select(k =>
        {
            var chart = CubicChart.Fit(trainCodes[k], train.Select(c => ((double)c.X, (double)c.Y)).ToArray());
            var errors = test.Select((c, i) => { var (x, y) = chart.At(testCodes[k][i]); return Math.Sqrt((x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y)); }).ToArray();
            // 300 training centres spread over the canvas (every n-th in row order), not the top rows only.
            var seen = Enumerable.Range(0, Math.Min(300, train.Length)).Select(i => i * train.Length / Math.Min(300, train.Length)).ToArray();
            return new Evaluation(CodePass.RelativeError(testOutputs[k], testImages), errors,
                Analysis.Trainability.Of(seen.Select(i => trainOutputs[k][i]).ToArray(), seen.Select(i => trainImages[i]).ToArray()));
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
