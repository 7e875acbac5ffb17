using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Theory;

/// <summary>
/// Sec. 5.1–5.2: the linear network E with filter φ = [1, 2, 1], stride 2, subsampling at even positions, no biases
/// and no non-linearity. Prop. 3: for a one-hot x of length n = 2^L at position a (0-based), E(x) = 2^L − a.
/// </summary>
public static class PositionFilter
{
    public static readonly float[] Phi = [1, 2, 1];

    /// <summary>E built from the project's own <see cref="ConvStack"/> (padding 1, stride 2: output t reads 2t−1, 2t, 2t+1).</summary>
    public static ConvStack Network(int n, float scale = 1)
    {
        var net = new ConvStack("position-filter", PositionNetworks.Encoder(n, bias: false, slope: 1), models: 1);
        net.SetAllWeights(Phi.Select(v => v * scale).ToArray());
        return net;
    }

    /// <summary>u(1), …, u(L) for the one-hot at a, each layer as an array.</summary>
    public static float[][] LayerOutputs(ConvStack net, int n, int a)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = tensor(Data.Diracs.OneHot(n, a), [1, 1, n]);
        return net.ForwardLayers(x).Select(u => u.flatten().data<float>().ToArray()).ToArray();
    }

    /// <summary>E(one-hot at a) for every a.</summary>
    public static float[] Encode(ConvStack net, int n)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = eye(n).view(n, 1, n); // row a is the one-hot at a
        return net.forward(x).flatten().data<float>().ToArray();
    }

    /// <summary>
    /// The same filter with another stride s or subsampling phase (which input position each output is centred
    /// on: 0 for even positions, 1 for odd). Input length s^L. Used to show the proof needs stride 2 at even positions.
    /// </summary>
    public static float[] EncodeVariant(int stride, int phase, int layers)
    {
        if (stride < 2 || phase < 0 || phase >= stride || layers < 1) throw new ArgumentException("need stride ≥ 2, 0 ≤ phase < stride, layers ≥ 1");
        int n = (int)Math.Pow(stride, layers);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = eye(n).view(n, 1, n);
        var w = tensor(Phi, [1, 1, 3]);
        for (int l = 0; l < layers; l++)
        {
            long len = x.shape[2];
            // Output t reads positions s·t + phase − 1 … s·t + phase + 1 (zero outside the signal).
            var padded = nn.functional.pad(x, [1, stride + 1]);
            x = nn.functional.conv1d(padded.narrow(2, phase, len + 2), w, stride: stride).narrow(2, 0, len / stride);
        }
        return x.flatten().data<float>().ToArray();
    }

    /// <summary>Table 2 (n = 8): x, u(1), u(2), u(3) for each of the eight one-hot inputs, as plain text.</summary>
    public static string Table2()
    {
        const int n = 8;
        using var net = Network(n);
        var lines = new List<string> { "x | u(1) | u(2) | u(3)" };
        for (int a = 0; a < n; a++)
        {
            var u = LayerOutputs(net, n, a);
            string Vec(IEnumerable<float> v) => "[" + string.Join(", ", v.Select(f => f.ToString("0", System.Globalization.CultureInfo.InvariantCulture))) + "]";
            lines.Add($"{Vec(Data.Diracs.OneHot(n, a))} | {Vec(u[0])} | {Vec(u[1])} | {Vec(u[2])}");
        }
        return string.Join("\n", lines) + "\n";
    }
}
