using Autoencoders.Configuration;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;

namespace Autoencoders.Experiments;

/// <summary>One DCGAN trained on a disk experiment's training data and used as an autoencoder by inversion (App. D).</summary>
/// <param name="Codes">The decoded sweep's codes z (the prior's range), for Fig. 14.</param>
public sealed record GanRun(int Seed, Dcgan Gan, IReadOnlyList<(int Step, double Discriminator, double Generator)> Curve, DiskEvaluation Evaluation, double[] Codes, float[][] DecodedSweep) : IDisposable
{
    public void Dispose() => Gan.Dispose();
}

/// <summary>
/// D15: a DCGAN with a code of size 1 trained on the disks of <paramref name="Data"/> (D11's hole data), each held-out
/// disk encoded as the code whose image is closest (<see cref="GanInversion"/>) and decoded as that image. Kept in
/// the store for the run, not in the model cache: batch norm's running statistics are buffers, which checkpoints
/// (parameters and Adam state) do not hold.
/// </summary>
public sealed record GanExperiment(DiskExperiment Data, int Seed, GanBudget Budget) : IExperiment<GanRun>
{
    /// <summary>The tier's GANs on D11's hole data, one per seed.</summary>
    public static GanExperiment[] For(Budget budget) => Of(budget, DiskSuite.For(budget).Hole);

    /// <summary>
    /// The control of each: the same GAN, seed and budget on the full radius range, for which the hole radii are
    /// observed (as D11's control network), so a failure in the hole is set against success on the same radii.
    /// </summary>
    public static GanExperiment[] Controls(Budget budget) => Of(budget, DiskSuite.For(budget).Hole with { Range = null });

    static GanExperiment[] Of(Budget budget, DiskExperiment data)
    {
        var gans = budget.Gans ?? throw new InvalidOperationException($"the {budget.Tier.Name()} tier trains no DCGAN");
        return budget.Seeds(gans.Seeds).Select(seed => new GanExperiment(data, seed, gans)).ToArray();
    }

    public GanRun Run(ExperimentStore store)
    {
        var gan = new Dcgan(codeSize: 1, Budget.Width, Seed);
        gan.to(TorchRuntime.Device);
        var curve = GanTrainer.Train(gan, store.Get(Data.TrainingSet).Images.unsqueeze(1).to(TorchRuntime.Device), Budget.Steps, Budget.Batch, seed: Seed, logEvery: 250, log: store.Log);
        using var test = Data.TestSet();
        var (codes, outputs) = GanInversion.Invert(gan, test.Images.unsqueeze(1));
        var inputs = Enumerable.Range(0, test.Count).Select(i => test.Images[i].flatten().data<float>().ToArray()).ToArray();
        var evaluation = new DiskEvaluation(test.Parameters, codes, inputs, outputs, test.Grid);
        var sweep = Enumerable.Range(0, 12).Select(i => -1 + 2.0 * i / 11).ToArray();
        float[][] decoded;
        using (var _ = torch.no_grad())
        {
            var images = gan.Generate(torch.tensor(sweep.Select(v => (float)v).ToArray(), [sweep.Length, 1]).to(TorchRuntime.Device)).cpu();
            decoded = Enumerable.Range(0, sweep.Length).Select(i => images[i].flatten().data<float>().ToArray()).ToArray();
        }
        return new GanRun(Seed, gan, curve, evaluation, sweep, decoded);
    }
}
