using Autoencoders.Models;
using Autoencoders.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// Autoencoding with a GAN (App. D, "IGAN"): a GAN has no encoder, so each target x is encoded as the code that the
/// generator maps closest to it, z* = argmin_z ‖G(z) − x‖², and decoded as G(z*). For d = 1 a grid search over the
/// prior's range (widened by 20%) finds the basin, and Adam refines every target's z at once.
/// </summary>
public static class GanInversion
{
    public static (double[] Codes, float[][] Outputs) Invert(Dcgan gan, Tensor targets, int gridSize = 129, int refineSteps = 200, double learningRate = 0.01)
    {
        if (gan.CodeSize != 1) throw new ArgumentException($"the grid search inverts codes of size 1, not {gan.CodeSize}");
        gan.eval();
        var device = gan.parameters().First().device;
        int n = (int)targets.shape[0];
        var x = targets.to(device).view(n, -1);
        var start = new float[n];
        using (var _ = no_grad())
        using (var scope = NewDisposeScope())
        {
            var grid = torch.linspace(-1.2, 1.2, gridSize, device: device).view(gridSize, 1);
            var images = gan.Generate(grid).view(gridSize, -1);
            var distances = torch.cdist(x.unsqueeze(0), images.unsqueeze(0)).squeeze(0); // [n, grid]
            var best = distances.argmin(1).cpu().data<long>().ToArray();
            var gridValues = grid.cpu().data<float>().ToArray();
            for (int i = 0; i < n; i++) start[i] = gridValues[best[i]];
        }
        var z = new TorchSharp.Modules.Parameter(tensor(start, [n, 1]).to(device));
        // Only the codes move: freeze the generator so backward does not compute its weights' gradients too.
        var weights = gan.Generator.parameters().ToList();
        foreach (var w in weights) w.requires_grad = false;
        try
        {
            using var optimiser = torch.optim.Adam([z], learningRate);
            for (int step = 0; step < refineSteps; step++)
            {
                using var scope = NewDisposeScope();
                optimiser.zero_grad();
                var loss = (gan.Generate(z).view(n, -1) - x).pow(2).sum();
                loss.backward();
                optimiser.step();
            }
        }
        finally
        {
            foreach (var w in weights) w.requires_grad = true;
        }
        using (var _ = no_grad())
        {
            var output = gan.Generate(z).cpu();
            return (z.detach().cpu().data<float>().Select(v => (double)v).ToArray(),
                Enumerable.Range(0, n).Select(i => output[i].flatten().data<float>().ToArray()).ToArray());
        }
    }
}
