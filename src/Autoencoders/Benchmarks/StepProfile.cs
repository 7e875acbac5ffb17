using System.Diagnostics;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Benchmarks;

/// <summary>
/// Where one training step of the paper's disk autoencoder (batch 300) spends its time: the phases of the step
/// (batch gathering, forward, loss, backward, Adam, freeing the step's tensors), timed inside real steps, and each
/// layer's forward and backward timed on its own at the shapes of the step. CPU only: on a GPU the phases would need
/// synchronisation to mean anything.
/// </summary>
public static class StepProfile
{
    public sealed record Phase(string Name, double Ms);

    public sealed record Result(int Models, int BatchSize, double MsPerStep, Phase[] Phases, Phase[] LayerForward, Phase[] LayerBackward, int Threads, bool OwnKernels);

    /// <summary>The profile with our kernels (<see cref="ConvStack.OwnKernels"/>) and with libtorch's convolutions, in one run.</summary>
    public static Result[] Compare(int models = 1, int steps = 30, int batch = 300, int warmup = 50) => [Run(models, steps, batch, ownKernels: true, warmup), Run(models, steps, batch, ownKernels: false, warmup)];

    public static Result Run(int models = 1, int steps = 30, int batch = 300, bool ownKernels = true, int warmup = 50)
    {
        TorchRuntime.Initialise();
        var grid = ImageGrid.Paper;
        using var data = ShapeDataset.Disks(new ExactRenderer(grid, 1.0), RadiusRange.Full(grid), 600, seed: 1);
        var seeds = Enumerable.Range(1, models).ToArray();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), seeds);
        model.Encoder.OwnKernels = model.Decoder.OwnKernels = ownKernels;
        using var adam = new Adam(model.parameters(), 1e-3);
        var samplers = seeds.Select(s => new BatchSampler(data.Count, s)).ToArray();
        var indices = new long[models * batch];
        var names = new[] { "batch indices", "gather", "forward", "loss", "backward", "Adam", "free tensors" };
        var totals = new double[names.Length];
        var clock = new Stopwatch();
        double Lap() { double ms = clock.Elapsed.TotalMilliseconds; clock.Restart(); return ms; }
        var all = Stopwatch.StartNew();
        for (int step = -warmup; step < steps; step++) // warm-up steps, not counted (the first steps of a process also pay for JIT and heap growth)
        {
            if (step == 0) { Array.Clear(totals); all.Restart(); }
            clock.Restart();
            var scope = NewDisposeScope();
            for (int m = 0; m < models; m++) samplers[m].Next(indices.AsSpan(m * batch, batch));
            var batchIndices = tensor(indices, [models, batch]);
            totals[0] += Lap();
            var x = data.Images.index_select(0, batchIndices.flatten()).view([models, batch, .. data.Images.shape[1..]]).transpose(0, 1);
            totals[1] += Lap();
            var y = model.Decode(model.Encode(x));
            totals[2] += Lap();
            var loss = (y - x).pow(2).transpose(0, 1).reshape(models, batch, -1).sum(2).mean([1]).sum();
            totals[3] += Lap();
            adam.ZeroGrad();
            loss.backward();
            totals[4] += Lap();
            adam.Update();
            totals[5] += Lap();
            scope.Dispose();
            totals[6] += Lap();
        }
        double perStep = all.Elapsed.TotalMilliseconds / steps;
        var phases = names.Select((n, i) => new Phase(n, totals[i] / steps)).ToArray();
        var (forward, backward) = Layers(model, batch, reps: Math.Max(5, steps / 2));
        return new Result(models, batch, perStep, phases, forward, backward, TorchRuntime.Threads, ownKernels);
    }

    /// <summary>
    /// Each layer of model 0 alone (convolution, bias and leaky ReLU, as the network runs it), at batch
    /// <paramref name="batch"/>: the forward pass, then the backward pass from a random output gradient to the input
    /// (except for the images) and the parameters.
    /// </summary>
    static (Phase[] Forward, Phase[] Backward) Layers(Autoencoder model, int batch, int reps)
    {
        var forward = new List<Phase>();
        var backward = new List<Phase>();
        foreach (var (stack, label) in new[] { (model.Encoder, "encoder"), (model.Decoder, "decoder") })
        {
            var spec = stack.Spec;
            int size = label == "encoder" ? 64 : 1;
            for (int l = 0; l < spec.Layers; l++)
            {
                long cin = spec.Channels[l], cout = spec.Channels[l + 1];
                int outSize = spec.Transposed ? size * 2 : size / 2;
                string name = $"{label} {l + 1}: {cin}×{size}² → {cout}×{outSize}²";
                double f = 0, b = 0;
                for (int r = -2; r < reps; r++)
                {
                    using var scope = NewDisposeScope();
                    var x = randn(batch, cin, size, size).requires_grad_(label == "decoder" || l > 0); // training never needs the gradient of the images
                    var g = randn(batch, cout, outSize, outSize);
                    model.zero_grad();
                    var clock = Stopwatch.StartNew();
                    var y = stack.ApplyLayer(l, x);
                    double tf = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    y.backward([g]);
                    double tb = clock.Elapsed.TotalMilliseconds;
                    if (r >= 0) { f += tf; b += tb; }
                }
                forward.Add(new Phase(name, f / reps));
                backward.Add(new Phase(name, b / reps));
                size = outSize;
            }
        }
        return (forward.ToArray(), backward.ToArray());
    }
}
