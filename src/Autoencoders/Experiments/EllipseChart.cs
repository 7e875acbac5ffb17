using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Experiments;

/// <summary>
/// B1's two free parameters: K autoencoders with a code of size d = 2 (the paper's network with two code channels)
/// trained on centred ellipses with semi-axes a (along x) and b (along y) drawn independently from U(4, 30), rendered
/// exactly with blur σ. Does the code chart (a, b), and does each coordinate follow one parameter, or the area?
/// </summary>
public sealed record EllipseChartExperiment(int[] Seeds, int Steps, int Batch = 300, double Sigma = 1, int Images = 3000, int DataSeed = 1,
    double LearningRate = 1e-3) : IExperiment<TrainedNetwork<Autoencoder>>
{
    public const double MinSemiAxis = 4, MaxSemiAxis = 30;
    /// <summary>Held-out semi-axes: a 10 × 10 grid of midpoints of (4, 30)², none of them a training draw.</summary>
    public const int TestPerAxis = 10;
    /// <summary>The chart is fitted on this many training ellipses (the first of the training draw).</summary>
    public const int ChartFitCount = 600;

    /// <summary>Per model: reconstruction of the test ellipses; the chart's error per test ellipse (px in (a, b)); |corr| of each code coordinate.</summary>
    public sealed record Evaluation(double RelativeError, double[] ChartErrors, double[] CorrA, double[] CorrB, double[] CorrArea, Trainability Trainability)
    {
        /// <summary>B1's per-seed chart bar: ≥ 0.95 of the test ellipses with (a, b) recovered within 1 px.</summary>
        public double ChartWithinPixel => ChartErrors.Count(e => e <= 1) / (double)ChartErrors.Length;
    }

    public AutoencoderConfig Config => new() { EncoderDepths = [1, 8, 4, 4, 3, 2, 2] };

    static ImageGrid Grid => ImageGrid.Paper;

    /// <summary>The training semi-axes (a, b), uniform and independent, from <see cref="DataSeed"/>.</summary>
    public (double A, double B)[] TrainingAxes()
    {
        var random = new Random(StableSeed.Of(DataSeed, "ellipse semi-axes"));
        double Draw() => MinSemiAxis + (MaxSemiAxis - MinSemiAxis) * random.NextDouble();
        return Enumerable.Range(0, Images).Select(_ => (Draw(), Draw())).ToArray();
    }

    public static (double A, double B)[] TestAxes()
    {
        double At(int i) => MinSemiAxis + (MaxSemiAxis - MinSemiAxis) * (i + 0.5) / TestPerAxis;
        return Enumerable.Range(0, TestPerAxis * TestPerAxis).Select(k => (At(k / TestPerAxis), At(k % TestPerAxis))).ToArray();
    }

    public ShapeDataset Render((double A, double B)[] axes) =>
        ShapeDataset.Render(new ExactRenderer(Grid, Sigma), axes.Select(p => (IShape)new Ellipse(Grid.Centre, Grid.Centre, p.A, p.B)).ToArray(), axes.Select(p => p.A).ToArray());

    public TrainedNetwork<Autoencoder> Run(ExperimentStore store) => ModelCache.GetOrTrain<Autoencoder>(this, () =>
    {
        store.Log?.Invoke($"training {Seeds.Length} autoencoders with d = 2 on ellipses (a, b) ~ U({MinSemiAxis}, {MaxSemiAxis})², {Steps} steps");
        var model = new Autoencoder(Config, Seeds);
        model.to(TorchRuntime.Device);
        using var data = Render(TrainingAxes());
        var (adam, result) = Trainer.TrainNew(new ReconstructionObjective(model, data.Images.to(TorchRuntime.Device)),
            new TrainingOptions { Steps = Steps, BatchSize = Batch, LearningRate = LearningRate, Seeds = Seeds, LogEvery = Math.Max(1, Steps / 10) });
        return (model, Seeds, adam, result);
    }, store.Log);

    /// <summary>Every model of <paramref name="model"/> on the evaluation images, rendered once per store (<see cref="EllipseChartImages"/>).</summary>
    public Evaluation[] Evaluate(Autoencoder model, ExperimentStore store)
    {
        var (testAxes, test, fitAxes, fit) = store.Get(new EllipseChartImages(this));
        var (testCodes, testOutputs) = Pass(model, test);
        var (fitCodes, fitOutputs) = Pass(model, fit);
        var testImages = Rows(test);
        var fitImages = Rows(fit);
        return Enumerable.Range(0, model.Models).Select(k =>
        {
            var chart = CubicChart.Fit(fitCodes[k], fitAxes.Select(p => (p.A, p.B)).ToArray());
            var errors = testAxes.Select((p, i) => { var (a, b) = chart.At(testCodes[k][i]); return Math.Sqrt((a - p.A) * (a - p.A) + (b - p.B) * (b - p.B)); }).ToArray();
            double[] Corr(Func<(double A, double B), double> of) =>
                [Math.Abs(Fits.Pearson(testCodes[k].Select(z => z.Item1).ToArray(), testAxes.Select(of).ToArray())),
                 Math.Abs(Fits.Pearson(testCodes[k].Select(z => z.Item2).ToArray(), testAxes.Select(of).ToArray()))];
            return new Evaluation(CodePass.RelativeError(testOutputs[k], testImages), errors, Corr(p => p.A), Corr(p => p.B), Corr(p => Math.PI * p.A * p.B),
                Trainability.Of(fitOutputs[k], fitImages));
        }).ToArray();
    }

    static float[][] Rows(ShapeDataset set) => Enumerable.Range(0, set.Count).Select(i => set.Images[i].flatten().data<float>().ToArray()).ToArray();

    /// <summary>Codes [model][image] (d = 2) and outputs [model][image][pixels].</summary>
    public static ((double, double)[][] Codes, float[][][] Outputs) Pass(Autoencoder model, ShapeDataset set) =>
        CodePass.Run(model, set.Count, (start, n) => set.Images.narrow(0, start, n));
}

/// <summary>Each model of <paramref name="Training"/> evaluated (<see cref="EllipseChartExperiment.Evaluate"/>).</summary>
public sealed record EllipseChartEvaluations(EllipseChartExperiment Training) : IExperiment<EllipseChartExperiment.Evaluation[]>
{
    public EllipseChartExperiment.Evaluation[] Run(ExperimentStore store) => Training.Evaluate(store.Get(Training).Model, store);
}

/// <summary>
/// The evaluation images of <paramref name="Training"/>: the held-out (a, b) grid and the first
/// <see cref="EllipseChartExperiment.ChartFitCount"/> training ellipses, rendered once per store (about 20 s by
/// quadrature) for the trained networks, their untrained control and the chart figure alike. The store disposes them.
/// </summary>
public sealed record EllipseChartImages(EllipseChartExperiment Training) : IExperiment<EllipseChartImages.Sets>
{
    public sealed record Sets((double A, double B)[] TestAxes, ShapeDataset Test, (double A, double B)[] FitAxes, ShapeDataset Fit) : IDisposable
    {
        public void Dispose() { Test.Dispose(); Fit.Dispose(); }
    }

    public Sets Run(ExperimentStore store)
    {
        var testAxes = EllipseChartExperiment.TestAxes();
        var fitAxes = Training.TrainingAxes().Take(EllipseChartExperiment.ChartFitCount).ToArray();
        return new(testAxes, Training.Render(testAxes), fitAxes, Training.Render(fitAxes));
    }
}
