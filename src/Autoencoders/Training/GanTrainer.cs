using Autoencoders.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// DCGAN training (App. D): alternating discriminator and generator steps with the non-saturating loss, Adam with
/// β1 = 0.5 as Radford et al. recommend, codes from the prior z ~ U(−1, 1)^d. Separate from <see cref="Trainer"/>
/// because a GAN optimises two adversaries, not one loss per model.
/// </summary>
public static class GanTrainer
{
    /// <summary>Trains on <paramref name="images"/> [N, 1, m, m]; returns the (discriminator, generator) loss every <paramref name="logEvery"/> steps.</summary>
    public static List<(int Step, double Discriminator, double Generator)> Train(Dcgan gan, Tensor images, int steps, int batchSize = 64,
        double learningRate = 2e-4, int seed = 1, int logEvery = 100, Action<string>? log = null)
    {
        if (steps < 0) throw new ArgumentException($"steps = {steps} must be ≥ 0");
        if (batchSize < 1 || batchSize > images.shape[0]) throw new ArgumentException($"batch size {batchSize} must be in [1, {images.shape[0]}]");
        torch.random.manual_seed(Data.StableSeed.Of(seed, "gan-prior"));
        var sampler = new BatchSampler((int)images.shape[0], seed);
        var device = gan.parameters().First().device;
        using var optimiserD = torch.optim.Adam(gan.Discriminator.parameters(), learningRate, beta1: 0.5, beta2: 0.999);
        using var optimiserG = torch.optim.Adam(gan.Generator.parameters(), learningRate, beta1: 0.5, beta2: 0.999);
        var indices = new long[batchSize];
        var curve = new List<(int, double, double)>();
        double sumD = 0, sumG = 0;
        gan.train();
        for (int step = 1; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            sampler.Next(indices);
            var real = images.index_select(0, tensor(indices).to(device));
            var ones = torch.ones(batchSize, 1, device: device);
            var zeros = torch.zeros(batchSize, 1, device: device);

            optimiserD.zero_grad();
            var fake = gan.Generate(Prior(batchSize, gan.CodeSize, device)).detach();
            var lossD = nn.functional.binary_cross_entropy_with_logits(gan.Discriminator.forward(real), ones)
                      + nn.functional.binary_cross_entropy_with_logits(gan.Discriminator.forward(fake), zeros);
            lossD.backward();
            optimiserD.step();

            optimiserG.zero_grad();
            var lossG = nn.functional.binary_cross_entropy_with_logits(gan.Discriminator.forward(gan.Generate(Prior(batchSize, gan.CodeSize, device))), ones);
            lossG.backward();
            optimiserG.step();

            double d = lossD.item<float>(), g = lossG.item<float>();
            if (!double.IsFinite(d) || !double.IsFinite(g))
                throw new TrainingDivergedException(0, step, double.IsFinite(d) ? g : d, $"DCGAN d={gan.CodeSize} lr={learningRate} batch={batchSize}");
            sumD += d;
            sumG += g;
            if (step % logEvery == 0 || step == steps)
            {
                int count = step % logEvery == 0 ? logEvery : step % logEvery;
                curve.Add((step, sumD / count, sumG / count));
                log?.Invoke($"  DCGAN step {step}/{steps} D {sumD / count:0.000} G {sumG / count:0.000}");
                sumD = sumG = 0;
            }
        }
        gan.eval();
        return curve;
    }

    /// <summary>The prior of the codes: U(−1, 1)^d.</summary>
    public static Tensor Prior(int count, int codeSize, Device device) => torch.rand(count, codeSize, device: device) * 2 - 1;
}
