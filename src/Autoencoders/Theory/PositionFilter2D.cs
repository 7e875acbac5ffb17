using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Theory;

/// <summary>
/// Prop. 3 in 2-D (B2, the theory CoordConv's "plain convolution fails" is set against): a linear encoder of L
/// stride-2, size-3 convolutions (padding 1, no bias, no non-linearity) on an n × n image, n = 2^L, with separable
/// filters and one channel per quantity, never mixing channels:
/// <list type="bullet">
/// <item>channel x: φ along columns, σ along rows, so E_x = Σ_{i,j} x_{ij} (n − j);</item>
/// <item>channel y: σ along columns, φ along rows, so E_y = Σ_{i,j} x_{ij} (n − i);</item>
/// <item>channel m: σ along both, so E_m = Σ_{i,j} x_{ij}, the mass;</item>
/// </list>
/// with φ = [1, 2, 1] (Prop. 3) and σ = [0, 1, 1]. Why σ: output t of a stride-2 layer reads inputs 2t − 1, 2t, 2t + 1
/// through taps 0, 1, 2, so with σ every input position s reaches exactly one output with weight 1 (s = 2t through tap
/// 1, s = 2t + 1 through tap 2; tap 0 is 0): σ carries the mass along an axis and forgets where it was. A separable
/// 2-D kernel with stride 2 on both axes is the 1-D layer along each axis, so each channel is Prop. 3 along one axis and
/// a sum along the other. Hence for a one-hot at column a, row b: E = (n − a, n − b, 1); for any image the centroid is
/// (n − E_x/E_m, n − E_y/E_m): a 9×9 square centred at (c_x, c_y) gives 81(n − c_x), 81(n − c_y), 81, exactly.
/// </summary>
public static class PositionFilter2D
{
    public static readonly float[] Phi = PositionFilter.Phi;
    public static readonly float[] Sigma = [0, 1, 1];

    /// <summary>Channel order of the encoder's output.</summary>
    public const int X = 0, Y = 1, Mass = 2;

    /// <summary>The encoder for n × n images (n = 2^L, L ≥ 1), built from the project's <see cref="ConvStack"/>.</summary>
    public static ConvStack Network(int n)
    {
        int layers = Layers(n);
        var depths = new[] { 1 }.Concat(Enumerable.Repeat(3, layers)).ToArray();
        var net = new ConvStack("position-filter-2d", new ConvStackSpec(depths, Transposed: false, Bias: false, Dimensions: 2, Slope: 1), models: 1);
        var filters = new[] { Outer(Sigma, Phi), Outer(Phi, Sigma), Outer(Sigma, Sigma) }; // [rows, columns] per channel
        using var _ = no_grad();
        for (int l = 0; l < layers; l++)
        {
            var w = net.Weights[l]; // [3, c_in, 3, 3]
            w.zero_();
            for (int c = 0; c < 3; c++)
                w[c, l == 0 ? 0 : c].copy_(tensor(filters[c], [3, 3])); // channel c reads only channel c: no mixing
        }
        return net;
    }

    /// <summary>E of each image [N, n, n] → [N, 3]: (E_x, E_y, E_m) per image.</summary>
    public static float[][] Encode(ConvStack net, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var output = net.forward(images.unsqueeze(1)).flatten(1); // [N, 3]
        var values = output.data<float>().ToArray();
        return Enumerable.Range(0, (int)output.shape[0]).Select(k => values.AsSpan(3 * k, 3).ToArray()).ToArray();
    }

    /// <summary>
    /// The x channel with another stride s (phase 0, input side s^L), for the control: the proof needs stride 2.
    /// Output t reads positions s·t − 1 … s·t + 1 on both axes. Returns E_x for the one-hot at every column a of row 0.
    /// </summary>
    public static float[] EncodeColumnsWithStride(int stride, int layers)
    {
        if (stride < 2 || layers < 1) throw new ArgumentException("need stride ≥ 2 and layers ≥ 1");
        int n = (int)Math.Pow(stride, layers);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = zeros(n, 1, n, n);
        for (int a = 0; a < n; a++) x[a, 0, 0, a] = tensor(1f);
        var w = tensor(Outer(Sigma, Phi), [1, 1, 3, 3]);
        for (int l = 0; l < layers; l++)
        {
            long side = x.shape[2];
            var padded = nn.functional.pad(x, [1, stride + 1, 1, stride + 1]).narrow(2, 0, side + 2).narrow(3, 0, side + 2);
            x = nn.functional.conv2d(padded, w, strides: [stride, stride]).narrow(2, 0, side / stride).narrow(3, 0, side / stride);
        }
        return x.flatten().data<float>().ToArray();
    }

    static int Layers(int n)
    {
        if (n < 2 || (n & (n - 1)) != 0) throw new ArgumentException($"side {n} must be a power of two ≥ 2");
        return System.Numerics.BitOperations.Log2((uint)n);
    }

    /// <summary>The separable kernel rows ⊗ columns, row-major [3 × 3].</summary>
    static float[] Outer(float[] rows, float[] columns) =>
        rows.SelectMany(r => columns.Select(c => r * c)).ToArray();
}
