using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>
/// The 2-D stride-2 convolution and its transpose on <see cref="StridedConvKernels"/>, as TorchSharp autograd
/// functions (no bias: the caller adds it). They compute the same functions as libtorch's conv2d and
/// conv_transpose2d (stride 2, padding 1, output padding 1), up to float rounding (tests compare values and gradients).
/// </summary>
public static class StridedConv
{
    /// <summary>Whether <see cref="Down"/> / <see cref="Up"/> apply to input x: float32 on the CPU, square images whose larger side n has n/2 a multiple of 8.</summary>
    public static bool Applies(Tensor x, bool transposed) =>
        x.device_type == DeviceType.CPU && x.dtype == ScalarType.Float32 && x.dim() == 4 && x.shape[2] == x.shape[3]
        && StridedConvKernels.Supports(transposed ? 2 * x.shape[2] : x.shape[2]);

    /// <summary>
    /// One layer of the paper's networks, fused: leaky_relu(conv(x, w) + b, <paramref name="slope"/>) with conv the
    /// stride-2 convolution, or its transpose when <paramref name="transposed"/>; <paramref name="b"/> may be null
    /// (no bias), <paramref name="slope"/> 1 (no activation). Fusing saves the passes over the layer's output that a
    /// separate bias and activation make, which at these depths cost as much as the convolution.
    /// </summary>
    public static Tensor Layer(Tensor x, Tensor w, Tensor? b, double slope, bool transposed, int threads) =>
        LayerFunction.apply(x, w, b!, (float)slope, transposed, threads);

    /// <summary>conv2d(x, w, stride 2, padding 1) for x [B, cin, n, n], w [cout, cin, 3, 3].</summary>
    public static Tensor Down(Tensor x, Tensor w, int threads) => Layer(x, w, null, 1, transposed: false, threads);

    /// <summary>conv_transpose2d(x, w, stride 2, padding 1, output padding 1) for x [B, cin, h, h], w [cin, cout, 3, 3].</summary>
    public static Tensor Up(Tensor x, Tensor w, int threads) => Layer(x, w, null, 1, transposed: true, threads);

    static unsafe float* Pointer(Tensor t) => (float*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, float>(t.bytes)));

    /// <summary>
    /// The kernels read raw memory: every tensor must be float32 on the CPU with exactly the shape they assume, or an
    /// index would run past its end. x [B, C, s, s], the layer's larger side one the kernels take; w [·, ·, 3, 3]; bias [channels].
    /// </summary>
    static void CheckShapes(Tensor x, long side, long largerSide, Tensor w, long inputChannelsOfW, Tensor? bias, long outputChannels)
    {
        static bool Float32OnCpu(Tensor t) => t.dtype == ScalarType.Float32 && t.device_type == DeviceType.CPU;
        if (!Float32OnCpu(x) || x.dim() != 4 || x.shape[2] != side || x.shape[3] != side || !StridedConvKernels.Supports(largerSide))
            throw new ArgumentException($"input [{string.Join(", ", x.shape)}] ({x.dtype}, {x.device_type}) is not a float32 CPU batch of {side}×{side} images the kernels take");
        if (!Float32OnCpu(w) || w.dim() != 4 || w.shape[2] != 3 || w.shape[3] != 3 || w.shape[inputChannelsOfW] != x.shape[1])
            throw new ArgumentException($"weights [{string.Join(", ", w.shape)}] ({w.dtype}) do not fit 3×3 kernels on {x.shape[1]} input channels");
        if (bias is not null && (!Float32OnCpu(bias) || bias.dim() != 1 || bias.shape[0] != outputChannels))
            throw new ArgumentException($"bias [{string.Join(", ", bias.shape)}] for {outputChannels} output channels");
    }

    /// <summary>y = leaky(Down(x; w) + bias) into a new tensor (slope 1 and no bias: Down alone).</summary>
    internal static unsafe Tensor RunDown(Tensor x, Tensor w, int threads, Tensor? bias = null, float slope = 1)
    {
        x = x.contiguous();
        w = w.contiguous();
        bias = bias?.contiguous();
        long b = x.shape[0], cin = x.shape[1], n = x.shape[2], cout = w.shape[0];
        CheckShapes(x, n, n, w, 1, bias, cout);
        var y = empty(b, cout, n / 2, n / 2);
        StridedConvKernels.Down(Pointer(x), Pointer(w), Pointer(y), (int)b, (int)cin, (int)cout, (int)n, threads, bias is null ? null : Pointer(bias), slope);
        GC.KeepAlive(x); GC.KeepAlive(w); GC.KeepAlive(bias); // contiguous copies only these locals hold
        return y;
    }

    /// <summary>y = leaky(Up(x; w) + bias) into a new tensor (slope 1 and no bias: Up alone).</summary>
    internal static unsafe Tensor RunUp(Tensor x, Tensor w, int threads, Tensor? bias = null, float slope = 1)
    {
        x = x.contiguous();
        w = w.contiguous();
        bias = bias?.contiguous();
        long b = x.shape[0], cin = x.shape[1], h = x.shape[2], cout = w.shape[1];
        CheckShapes(x, h, 2 * h, w, 0, bias, cout);
        var y = empty(b, cout, 2 * h, 2 * h);
        StridedConvKernels.Up(Pointer(x), Pointer(w), Pointer(y), (int)b, (int)cin, (int)cout, (int)h, threads, bias is null ? null : Pointer(bias), slope);
        GC.KeepAlive(x); GC.KeepAlive(w); GC.KeepAlive(bias);
        return y;
    }

    /// <summary>The weight gradient of Down for input x [B, cin, n, n] and output gradient g [B, cout, n/2, n/2]: [cout, cin, 3, 3].</summary>
    internal static unsafe Tensor RunDownWeightGradient(Tensor x, Tensor g, int threads)
    {
        x = x.contiguous();
        g = g.contiguous();
        long b = x.shape[0], cin = x.shape[1], n = x.shape[2], cout = g.shape[1];
        if (x.dtype != ScalarType.Float32 || g.dtype != ScalarType.Float32 || x.dim() != 4 || g.dim() != 4 || g.shape[0] != b || x.shape[3] != n || g.shape[2] != n / 2 || g.shape[3] != n / 2 || !StridedConvKernels.Supports(n))
            throw new ArgumentException($"input [{string.Join(", ", x.shape)}] and output gradient [{string.Join(", ", g.shape)}] do not fit a stride-2 layer the kernels take");
        var gw = empty(cout, cin, 3, 3);
        StridedConvKernels.DownWeightGradient(Pointer(x), Pointer(g), Pointer(gw), (int)b, (int)cin, (int)cout, (int)n, threads);
        GC.KeepAlive(x); GC.KeepAlive(g);
        return gw;
    }

    /// <summary>The gradient before the activation (and the bias gradient, when there is a bias) from the one after it.</summary>
    static unsafe (Tensor Before, Tensor? Bias) ActivationGradient(Tensor y, Tensor g, float slope, bool bias, int threads)
    {
        g = g.contiguous();
        if (slope == 1) return (g, bias ? g.sum([0, 2, 3]) : null);
        if (!y.is_contiguous() || !y.shape.SequenceEqual(g.shape)) throw new ArgumentException($"output [{string.Join(", ", y.shape)}] and its gradient [{string.Join(", ", g.shape)}] differ");
        var before = empty_like(g);
        var biasGradient = bias ? empty(g.shape[1]) : null;
        StridedConvKernels.ActivationGradient(Pointer(y), Pointer(g), Pointer(before), biasGradient is null ? null : Pointer(biasGradient),
            (int)g.shape[0], (int)g.shape[1], (int)(g.shape[2] * g.shape[3]), slope, threads);
        GC.KeepAlive(g);
        return (before, biasGradient);
    }

    /// <summary>Carries the layer's output to its backward pass (TorchSharp's context keeps tensors only through save_for_backward, for inputs).</summary>
    sealed record Output(Tensor Value);

    sealed class LayerFunction : autograd.SingleTensorFunction<LayerFunction>
    {
        public override string Name => "StridedConvLayer";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var (x, w, b, slope, transposed, threads) = ((Tensor)vars[0], (Tensor)vars[1], vars[2] as Tensor, (float)vars[3], (bool)vars[4], (int)vars[5]);
            var y = transposed ? RunUp(x, w, threads, b, slope) : RunDown(x, w, threads, b, slope);
            if (x.requires_grad || w.requires_grad || b is { requires_grad: true })
            {
                ctx.save_for_backward([x, w]);
                if (slope != 1) ctx.save_data("output", new Output(y)); // the activation's gradient reads it; nothing else does
                ctx.save_data("slope", slope);
                ctx.save_data("transposed", transposed);
                ctx.save_data("threads", threads);
                ctx.save_data("input_grad", x.requires_grad);
                ctx.save_data("bias", b is not null);
            }
            return y;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor g)
        {
            var saved = ctx.get_saved_variables();
            var (x, w) = (saved[0], saved[1]);
            int threads = (int)ctx.get_data("threads");
            float slope = (float)ctx.get_data("slope");
            var (gv, gb) = ActivationGradient(slope == 1 ? g : ((Output)ctx.get_data("output")).Value, g, slope, (bool)ctx.get_data("bias"), threads);
            bool inputGrad = (bool)ctx.get_data("input_grad");
            Tensor? gx;
            Tensor gw;
            if ((bool)ctx.get_data("transposed"))
            {
                // ⟨g, Up(x; w)⟩ = ⟨Down(g; w), x⟩: the input gradient is Down(g; w), and the weight gradient is Down's with
                // g as its input and x as its output gradient ([cin, cout, 3, 3], the transposed layout).
                gx = inputGrad ? RunDown(gv, w, threads) : null;
                gw = RunDownWeightGradient(gv, x, threads);
            }
            else
            {
                gx = inputGrad ? RunUp(gv, w, threads) : null;
                gw = RunDownWeightGradient(x, gv, threads);
            }
            return [gx!, gw, gb!, null!, null!, null!];
        }
    }
}
