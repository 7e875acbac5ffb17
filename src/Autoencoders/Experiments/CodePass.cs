using Autoencoders.Models;
using Autoencoders.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// Encodes and decodes images with each of K autoencoders with a code of size 2 (B1's ellipses, B2's squares): the
/// codes [model][image] and outputs [model][image][pixels], in chunks of images so memory stays bounded.
/// </summary>
public static class CodePass
{
    const int Chunk = 256;

    /// <param name="images">Renders images [n, m, m] for a range of indices (start, count), on the CPU.</param>
    public static ((double, double)[][] Codes, float[][][] Outputs) Run(Autoencoder model, int count, Func<int, int, Tensor> images)
    {
        if (model.Config.CodeSize != 2) throw new ArgumentException($"a code pass reads codes of size 2, not {model.Config.CodeSize}");
        using var _ = no_grad();
        int k = model.Models;
        var codes = Enumerable.Range(0, k).Select(_ => new (double, double)[count]).ToArray();
        var outputs = Enumerable.Range(0, k).Select(_ => new float[count][]).ToArray();
        for (int start = 0; start < count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(Chunk, count - start);
            var x = images(start, n);
            long m = x.shape[1], pixels = m * m;
            var z = model.Encode(x.unsqueeze(1).expand(n, k, m, m).contiguous().to(TorchRuntime.Device));
            var y = model.Decode(z).cpu().data<float>().ToArray(); // [n, K, m, m]
            var zs = z.cpu().data<float>().ToArray();              // [n, K·2]
            for (int i = 0; i < n; i++)
                for (int j = 0; j < k; j++)
                {
                    codes[j][start + i] = (zs[(i * k + j) * 2], zs[(i * k + j) * 2 + 1]);
                    outputs[j][start + i] = y.AsSpan((int)((i * k + j) * pixels), (int)pixels).ToArray();
                }
        }
        return (codes, outputs);
    }

    /// <summary>Σ‖y − x‖² / Σ‖x‖² over a set of images: the aggregate relative error (D2's quantity).</summary>
    public static double RelativeError(IReadOnlyList<float[]> outputs, IReadOnlyList<float[]> inputs) =>
        outputs.Select((y, i) => Analysis.DiskMeasures.SquaredError(y, inputs[i])).Sum() / inputs.Sum(x => x.Sum(v => (double)v * v));
}
