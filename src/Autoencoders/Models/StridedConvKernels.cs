using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Autoencoders.Models;

/// <summary>
/// The paper's 2-D layer, a stride-2, size-3, padding-1 convolution, written out for the CPU (AVX2 + FMA), because
/// libtorch's CPU convolutions are slow at these depths (1–8 channels; spec/settings.md, the step profile).
/// Three kernels on contiguous float32 arrays (NCHW):
/// <list type="bullet">
/// <item><see cref="Down"/>: y[b,o,i,j] = Σ_c Σ_{u,v} w[o,c,u,v] · x[b,c,2i+u−1,2j+v−1] (zero outside), x n×n → y n/2×n/2; w [cout, cin, 3, 3].</item>
/// <item><see cref="Up"/>: its adjoint, which is the transposed convolution (stride 2, padding 1, output padding 1):
/// for w [cin, cout, 3, 3] (libtorch's transposed layout), ⟨Up(x; w), y⟩ = ⟨x, Down(y; w)⟩ with w read as [out = cin, in = cout].
/// Written by output phase: y[2i][2j] = Σ w[·,·,1,1] x[i][j]; y[2i][2j+1] = Σ w[·,·,1,2] x[i][j] + w[·,·,1,0] x[i][j+1]; and so on.</item>
/// <item><see cref="DownWeightGradient"/>: ∂⟨g, Down(x; w)⟩/∂w[o,c,u,v] = Σ_b Σ_{i,j} g[b,o,i,j] · x[b,c,2i+u−1,2j+v−1].</item>
/// </list>
/// The gradients of both layers are these three again: Down's input gradient is Up(g; w); Up's is Down(g; w);
/// Up's weight gradient is DownWeightGradient with the roles of its input and its output gradient exchanged.
/// Rows of n/2 are cut in 8-float vectors, so n/2 must be a multiple of 8 (<see cref="Supports"/>).
/// The batch is split into <c>threads</c> contiguous blocks; every output is summed by one thread in a fixed order, and
/// the weight and bias gradients are summed per image and then over the images in order, so results are bit-identical
/// whatever the thread count and scheduling.
/// The loops are compiled fully optimised at their first call (AggressiveOptimization): under tiered compilation they
/// would first run as unoptimised or on-stack-replaced code, which made the first tens of steps of a process (all of a
/// short benchmark) about 1.4× slower than the steady state (spec/settings.md, the step profile).
/// </summary>
public static unsafe class StridedConvKernels
{
    /// <summary>Whether the kernels run here for a layer whose larger side is <paramref name="n"/> (n/2 a multiple of 8).</summary>
    public static bool Supports(long n) => Avx2.IsSupported && Fma.IsSupported && n >= 16 && n % 16 == 0;

    const byte Evens = 0b10_00_10_00, Odds = 0b11_01_11_01, LaneOrder = 0b11_01_10_00;

    /// <summary>
    /// Splits image b's rows into even and odd columns: row r of channel c goes to buffer row (c, r + 1) (row 0 is zero,
    /// the padding above), evens at [0, h), odds at [1, h + 1) after a zero (the padding on the left).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Deinterleave(float* x, int cin, int n, float* even, float* odd, int rowLength)
    {
        int h = n / 2;
        for (int c = 0; c < cin; c++)
            for (int r = 0; r < n; r++)
            {
                float* src = x + ((long)c * n + r) * n;
                float* e = even + ((long)c * (n + 1) + r + 1) * rowLength;
                float* o = odd + ((long)c * (n + 1) + r + 1) * rowLength + 1;
                for (int q = 0; q < h; q += 8)
                {
                    var a = Avx.LoadVector256(src + 2 * q);
                    var b = Avx.LoadVector256(src + 2 * q + 8);
                    Avx.Store(e + q, Avx2.Permute4x64(Avx.Shuffle(a, b, Evens).AsDouble(), LaneOrder).AsSingle());
                    Avx.Store(o + q, Avx2.Permute4x64(Avx.Shuffle(a, b, Odds).AsDouble(), LaneOrder).AsSingle());
                }
            }
    }

    /// <summary>Zeroed native memory for <paramref name="floats"/> floats (freed by the caller).</summary>
    static float* Scratch(int floats) => (float*)NativeMemory.AllocZeroed((nuint)floats, sizeof(float));

    /// <summary>The batch range of block <paramref name="t"/> of <paramref name="blocks"/>.</summary>
    static (int From, int To) Block(int batch, int blocks, int t) => ((int)((long)batch * t / blocks), (int)((long)batch * (t + 1) / blocks));

    static int Blocks(int batch, int threads) => Math.Max(1, Math.Min(threads, batch));

    /// <summary>y [B, cout, n/2, n/2] = the stride-2 convolution of x [B, cin, n, n] with w [cout, cin, 3, 3].</summary>
    public static void Down(float* x, float* w, float* y, int batch, int cin, int cout, int n, int threads, float* bias = null, float slope = 1)
    {
        nint pb = (nint)bias;
        int h = n / 2, rowLength = h + 8;
        nint px = (nint)x, pw = (nint)w, py = (nint)y;
        int blocks = Blocks(batch, threads);
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (int t) =>
        {
            var (from, to) = Block(batch, blocks, t);
            int bufferLength = cin * (n + 1) * rowLength;
            // Native, zeroed scratch: the large buffers stay off the managed heap (only small arrays of sums are managed).
            float* even = Scratch(bufferLength), odd = Scratch(bufferLength);
            try
            {
                for (int b = from; b < to; b++)
                {
                    Deinterleave((float*)px + (long)b * cin * n * n, cin, n, even, odd, rowLength);
                    float* yb = (float*)py + (long)b * cout * h * h;
                    for (int o = 0; o < cout; o++)
                        for (int i = 0; i < h; i++)
                        {
                            float* k = (float*)pw + (long)o * cin * 9, target = yb + ((long)o * h + i) * h;
                            float b0 = pb == 0 ? 0 : ((float*)pb)[o];
                            int q = 0;
                            for (; q + 16 <= h; q += 16)
                            {
                                var (first, second) = DownTwoVectors(even, odd, k, cin, n, rowLength, i, q);
                                Avx.Store(target + q, Activate(first, b0, slope));
                                Avx.Store(target + q + 8, Activate(second, b0, slope));
                            }
                            if (q < h) Avx.Store(target + q, Activate(DownVector(even, odd, k, cin, n, rowLength, i, q), b0, slope));
                        }
                }
            }
            finally { NativeMemory.Free(even); NativeMemory.Free(odd); }
        });
    }

    /// <summary>
    /// Eight outputs y[o, i, q … q + 7] of <see cref="Down"/> from the deinterleaved rows, for the weights k = w[o] [cin, 3, 3].
    /// The three taps of a row go to three accumulators so the additions do not wait on each other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> DownVector(float* even, float* odd, float* k, int cin, int n, int rowLength, int i, int q)
    {
        Vector256<float> left = Vector256<float>.Zero, centre = Vector256<float>.Zero, right = Vector256<float>.Zero;
        for (int c = 0; c < cin; c++)
            for (int u = 0; u < 3; u++, k += 3)
            {
                long row = ((long)c * (n + 1) + 2 * i + u) * rowLength + q; // input row 2i + u − 1, after the zero row
                left = Fma.MultiplyAdd(Vector256.Create(k[0]), Avx.LoadVector256(odd + row), left);           // x[2j − 1]
                centre = Fma.MultiplyAdd(Vector256.Create(k[1]), Avx.LoadVector256(even + row), centre);      // x[2j]
                right = Fma.MultiplyAdd(Vector256.Create(k[2]), Avx.LoadVector256(odd + row + 1), right);     // x[2j + 1]
            }
        return Avx.Add(Avx.Add(left, centre), right);
    }

    /// <summary><see cref="DownVector"/> for q and q + 8 at once: six accumulators, each weight broadcast once for both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (Vector256<float>, Vector256<float>) DownTwoVectors(float* even, float* odd, float* k, int cin, int n, int rowLength, int i, int q)
    {
        Vector256<float> l0 = Vector256<float>.Zero, c0 = l0, r0 = l0, l1 = l0, c1 = l0, r1 = l0;
        for (int c = 0; c < cin; c++)
            for (int u = 0; u < 3; u++, k += 3)
            {
                long row = ((long)c * (n + 1) + 2 * i + u) * rowLength + q;
                var (w0, w1, w2) = (Vector256.Create(k[0]), Vector256.Create(k[1]), Vector256.Create(k[2]));
                l0 = Fma.MultiplyAdd(w0, Avx.LoadVector256(odd + row), l0);
                c0 = Fma.MultiplyAdd(w1, Avx.LoadVector256(even + row), c0);
                r0 = Fma.MultiplyAdd(w2, Avx.LoadVector256(odd + row + 1), r0);
                l1 = Fma.MultiplyAdd(w0, Avx.LoadVector256(odd + row + 8), l1);
                c1 = Fma.MultiplyAdd(w1, Avx.LoadVector256(even + row + 8), c1);
                r1 = Fma.MultiplyAdd(w2, Avx.LoadVector256(odd + row + 9), r1);
            }
        return (Avx.Add(Avx.Add(l0, c0), r0), Avx.Add(Avx.Add(l1, c1), r1));
    }

    /// <summary>
    /// y [B, cout, 2h, 2h] = the transposed stride-2 convolution (padding 1, output padding 1) of x [B, cin, h, h]
    /// with w [cin, cout, 3, 3]: the adjoint of <see cref="Down"/>.
    /// </summary>
    public static void Up(float* x, float* w, float* y, int batch, int cin, int cout, int h, int threads, float* bias = null, float slope = 1)
    {
        nint pb = (nint)bias;
        int n = 2 * h, rowLength = h + 8;
        nint px = (nint)x, pw = (nint)w, py = (nint)y;
        int blocks = Blocks(batch, threads);
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (int t) =>
        {
            var (from, to) = Block(batch, blocks, t);
            // Input rows padded with zeros on the right and one zero row below: x[i + 1][·] and x[·][j + 1] read 0 past the edge.
            float* xp = Scratch(cin * (h + 1) * rowLength);
            try
            {
                float* weights = (float*)pw;
                for (int b = from; b < to; b++)
                {
                    float* xb = (float*)px + (long)b * cin * h * h;
                    for (int c = 0; c < cin; c++)
                        for (int i = 0; i < h; i++)
                            new ReadOnlySpan<float>(xb + ((long)c * h + i) * h, h).CopyTo(new Span<float>(xp + ((long)c * (h + 1) + i) * rowLength, h));
                    float* yb = (float*)py + (long)b * cout * n * n;
                    for (int o = 0; o < cout; o++)
                        for (int i = 0; i < h; i++)
                        {
                            float b0 = pb == 0 ? 0 : ((float*)pb)[o];
                            int q = 0;
                            for (; q + 16 <= h; q += 16) UpTwoVectors(xp, weights + (long)o * 9, cin, cout, rowLength, h, i, q, yb + ((long)o * n + 2 * i) * n + 2 * q, n, b0, slope);
                            for (; q < h; q += 8)
                            {
                                // Output rows 2i (e) and 2i + 1 (d), columns 2j (…0) and 2j + 1 (…1); d1 in two halves.
                                Vector256<float> e0 = Vector256<float>.Zero, e1 = e0, d0 = e0, d1 = e0, d1b = e0;
                                for (int c = 0; c < cin; c++)
                                {
                                    long here = ((long)c * (h + 1) + i) * rowLength + q, below = here + rowLength;
                                    var x00 = Avx.LoadVector256(xp + here);      // x[i][j]
                                    var x01 = Avx.LoadVector256(xp + here + 1);  // x[i][j + 1]
                                    var x10 = Avx.LoadVector256(xp + below);     // x[i + 1][j]
                                    var x11 = Avx.LoadVector256(xp + below + 1); // x[i + 1][j + 1]
                                    float* k = weights + (long)(c * cout + o) * 9; // k[u·3 + v]
                                    e0 = Fma.MultiplyAdd(Vector256.Create(k[4]), x00, e0);
                                    e1 = Fma.MultiplyAdd(Vector256.Create(k[3]), x01, Fma.MultiplyAdd(Vector256.Create(k[5]), x00, e1));
                                    d0 = Fma.MultiplyAdd(Vector256.Create(k[1]), x10, Fma.MultiplyAdd(Vector256.Create(k[7]), x00, d0));
                                    d1 = Fma.MultiplyAdd(Vector256.Create(k[6]), x01, Fma.MultiplyAdd(Vector256.Create(k[8]), x00, d1));
                                    d1b = Fma.MultiplyAdd(Vector256.Create(k[0]), x11, Fma.MultiplyAdd(Vector256.Create(k[2]), x10, d1b));
                                }
                                float* top = yb + ((long)o * n + 2 * i) * n + 2 * q;
                                Interleave(Activate(e0, b0, slope), Activate(e1, b0, slope), top);
                                Interleave(Activate(d0, b0, slope), Activate(Avx.Add(d1, d1b), b0, slope), top + n);
                            }
                        }
                }
            }
            finally { NativeMemory.Free(xp); }
        });
    }

    /// <summary>
    /// Output rows 2i and 2i + 1, columns 2q … 2q + 31 of <see cref="Up"/> for output channel o (k = w[0, o], channel
    /// c's weights 9·cout further on): the phases of input columns q … q + 15, sharing each weight broadcast.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void UpTwoVectors(float* xp, float* k, int cin, int cout, int rowLength, int h, int i, int q, float* top, int n, float bias, float slope)
    {
        Vector256<float> e0 = Vector256<float>.Zero, e1 = e0, d0 = e0, d1 = e0, f0 = e0, f1 = e0, g0 = e0, g1 = e0;
        for (int c = 0; c < cin; c++, k += 9 * cout)
        {
            long here = ((long)c * (h + 1) + i) * rowLength + q, below = here + rowLength;
            var (k0, k1, k2, k3, k4) = (Vector256.Create(k[0]), Vector256.Create(k[1]), Vector256.Create(k[2]), Vector256.Create(k[3]), Vector256.Create(k[4]));
            var (k5, k6, k7, k8) = (Vector256.Create(k[5]), Vector256.Create(k[6]), Vector256.Create(k[7]), Vector256.Create(k[8]));
            var (a00, a01, a10, a11) = (Avx.LoadVector256(xp + here), Avx.LoadVector256(xp + here + 1), Avx.LoadVector256(xp + below), Avx.LoadVector256(xp + below + 1));
            var (b00, b01, b10, b11) = (Avx.LoadVector256(xp + here + 8), Avx.LoadVector256(xp + here + 9), Avx.LoadVector256(xp + below + 8), Avx.LoadVector256(xp + below + 9));
            e0 = Fma.MultiplyAdd(k4, a00, e0);
            f0 = Fma.MultiplyAdd(k4, b00, f0);
            e1 = Fma.MultiplyAdd(k3, a01, Fma.MultiplyAdd(k5, a00, e1));
            f1 = Fma.MultiplyAdd(k3, b01, Fma.MultiplyAdd(k5, b00, f1));
            d0 = Fma.MultiplyAdd(k1, a10, Fma.MultiplyAdd(k7, a00, d0));
            g0 = Fma.MultiplyAdd(k1, b10, Fma.MultiplyAdd(k7, b00, g0));
            d1 = Fma.MultiplyAdd(k0, a11, Fma.MultiplyAdd(k2, a10, Fma.MultiplyAdd(k6, a01, Fma.MultiplyAdd(k8, a00, d1))));
            g1 = Fma.MultiplyAdd(k0, b11, Fma.MultiplyAdd(k2, b10, Fma.MultiplyAdd(k6, b01, Fma.MultiplyAdd(k8, b00, g1))));
        }
        Interleave(Activate(e0, bias, slope), Activate(e1, bias, slope), top);
        Interleave(Activate(f0, bias, slope), Activate(f1, bias, slope), top + 16);
        Interleave(Activate(d0, bias, slope), Activate(d1, bias, slope), top + n);
        Interleave(Activate(g0, bias, slope), Activate(g1, bias, slope), top + n + 16);
    }

    /// <summary>
    /// The layer's output from its convolution v: leaky(v + b), x for x &gt; 0 and α·x otherwise (x = v + b), the same
    /// operations as libtorch's leaky_relu of v + b, so the same bits. α = 1 with b = 0 returns v unchanged (the
    /// kernels' plain use in gradients).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Activate(Vector256<float> v, float bias, float slope)
    {
        if (bias != 0) v = Avx.Add(v, Vector256.Create(bias));
        // v where v > 0, else α·v: NaN stays NaN (NaN > 0 is false, α·NaN is NaN), so a diverging network still shows it.
        return slope == 1 ? v : Avx.BlendVariable(Avx.Multiply(Vector256.Create(slope), v), v, Avx.CompareGreaterThan(v, Vector256<float>.Zero));
    }

    /// <summary>Writes a0 b0 a1 b1 … a7 b7 (16 floats) to <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Interleave(Vector256<float> a, Vector256<float> b, float* target)
    {
        var low = Avx.UnpackLow(a, b);   // a0 b0 a1 b1 | a4 b4 a5 b5
        var high = Avx.UnpackHigh(a, b); // a2 b2 a3 b3 | a6 b6 a7 b7
        Avx.Store(target, Avx.Permute2x128(low, high, 0x20));
        Avx.Store(target + 8, Avx.Permute2x128(low, high, 0x31));
    }

    /// <summary>
    /// gw [cout, cin, 3, 3] = Σ_b Σ_{i,j} g[b,o,i,j] · x[b,c,2i+u−1,2j+v−1] for x [B, cin, n, n] and g [B, cout, n/2, n/2]
    /// (overwritten, not accumulated).
    /// </summary>
    public static void DownWeightGradient(float* x, float* g, float* gw, int batch, int cin, int cout, int n, int threads)
    {
        int h = n / 2, rowLength = h + 8, taps = cout * cin * 9;
        nint px = (nint)x, pg = (nint)g;
        int blocks = Blocks(batch, threads);
        // One row of sums per image, added in image order afterwards: the result does not depend on the thread count.
        var perImage = new double[(long)batch * taps];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (int t) =>
        {
            var (from, to) = Block(batch, blocks, t);
            int bufferLength = cin * (n + 1) * rowLength;
            float* even = Scratch(bufferLength), odd = Scratch(bufferLength);
            try
            {
                for (int b = from; b < to; b++)
                {
                    Deinterleave((float*)px + (long)b * cin * n * n, cin, n, even, odd, rowLength);
                    float* gb = (float*)pg + (long)b * cout * h * h;
                    for (int o = 0; o < cout; o++)
                        for (int c = 0; c < cin; c++)
                        {
                            // The nine taps of (o, c) as nine independent accumulators over the image (float: at most n²/4 terms a lane).
                            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0;
                            for (int i = 0; i < h; i++)
                            {
                                long r0 = ((long)c * (n + 1) + 2 * i) * rowLength, r1 = r0 + rowLength, r2 = r1 + rowLength;
                                float* gi = gb + ((long)o * h + i) * h;
                                for (int q = 0; q < h; q += 8)
                                {
                                    var gv = Avx.LoadVector256(gi + q);
                                    a0 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r0 + q), a0);
                                    a1 = Fma.MultiplyAdd(gv, Avx.LoadVector256(even + r0 + q), a1);
                                    a2 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r0 + q + 1), a2);
                                    a3 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r1 + q), a3);
                                    a4 = Fma.MultiplyAdd(gv, Avx.LoadVector256(even + r1 + q), a4);
                                    a5 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r1 + q + 1), a5);
                                    a6 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r2 + q), a6);
                                    a7 = Fma.MultiplyAdd(gv, Avx.LoadVector256(even + r2 + q), a7);
                                    a8 = Fma.MultiplyAdd(gv, Avx.LoadVector256(odd + r2 + q + 1), a8);
                                }
                            }
                            var sums = perImage.AsSpan((int)((long)b * taps), taps);
                            int k = (o * cin + c) * 9;
                            sums[k] += Vector256.Sum(a0); sums[k + 1] += Vector256.Sum(a1); sums[k + 2] += Vector256.Sum(a2);
                            sums[k + 3] += Vector256.Sum(a3); sums[k + 4] += Vector256.Sum(a4); sums[k + 5] += Vector256.Sum(a5);
                            sums[k + 6] += Vector256.Sum(a6); sums[k + 7] += Vector256.Sum(a7); sums[k + 8] += Vector256.Sum(a8);
                        }
                }
            }
            finally { NativeMemory.Free(even); NativeMemory.Free(odd); }
        });
        SumRows(perImage, batch, taps, gw);
    }

    /// <summary>target[k] = Σ_b rows[b·width + k], in order of b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void SumRows(double[] rows, int count, int width, float* target)
    {
        for (int k = 0; k < width; k++)
        {
            double s = 0;
            for (int b = 0; b < count; b++) s += rows[(long)b * width + k];
            target[k] = (float)s;
        }
    }

    /// <summary>
    /// The gradient before the activation, from the one after it and the layer's output y = leaky(v + b):
    /// gv = g where y &gt; 0, α·g elsewhere (y &gt; 0 exactly where v + b &gt; 0, for α ≥ 0), written to
    /// <paramref name="gv"/>; and, when <paramref name="biasGradient"/> is given, the bias gradient Σ_{b,i,j} gv per channel
    /// (per-image sums, added in image order). Arrays are [B, C, size] with size a multiple of 8.
    /// </summary>
    public static void ActivationGradient(float* y, float* g, float* gv, float* biasGradient, int batch, int channels, int size, float slope, int threads)
    {
        nint py = (nint)y, pg = (nint)g, pv = (nint)gv;
        int blocks = Blocks(batch, threads);
        var perImage = new double[(long)batch * channels];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = blocks }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (int t) =>
        {
            var (from, to) = Block(batch, blocks, t);
            var alpha = Vector256.Create(slope);
            for (int b = from; b < to; b++)
                for (int c = 0; c < channels; c++)
                {
                    long offset = ((long)b * channels + c) * size;
                    float* yc = (float*)py + offset, gc = (float*)pg + offset, vc = (float*)pv + offset;
                    var sum = Vector256<float>.Zero;
                    for (int k = 0; k < size; k += 8)
                    {
                        var gk = Avx.LoadVector256(gc + k);
                        var positive = Avx.CompareGreaterThan(Avx.LoadVector256(yc + k), Vector256<float>.Zero);
                        var v = Avx.BlendVariable(Avx.Multiply(alpha, gk), gk, positive);
                        Avx.Store(vc + k, v);
                        sum = Avx.Add(sum, v);
                    }
                    perImage[(long)b * channels + c] = Vector256.Sum(sum);
                }
        });
        if (biasGradient is not null) SumRows(perImage, batch, channels, biasGradient);
    }
}
