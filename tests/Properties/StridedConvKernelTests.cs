using Autoencoders.Models;
using Autoencoders.Runtime;
using FsCheck;
using FsCheck.Fluent;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// Our CPU kernels for the paper's stride-2 layers (Models/StridedConvKernels.cs) compute libtorch's functions: the
/// values and both gradients of conv2d and conv_transpose2d (stride 2, padding 1, output padding 1), a finite-difference
/// check of the gradients, and whole networks with and without them.
/// </summary>
public class StridedConvKernelTests
{
    static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(40);

    /// <summary>Largest |a − b| relative to the largest |b| (float32 sums of up to 72 products: ~1e-6).</summary>
    static double RelativeDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>() / Math.Max(1e-12, b.abs().max().item<float>());

    const double Tolerance = 1e-5;

    [SetUp]
    public void Initialise() => TorchRuntime.Initialise();

    static bool KernelsRunHere => StridedConvKernels.Supports(16);

    [Test]
    public void The_down_kernel_and_its_gradients_equal_libtorchs_conv2d()
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        Check.One(Quick, Prop.ForAll(Arbitraries.ConvShapes, shape =>
        {
            using var scope = NewDisposeScope();
            var (b, cin, cout, n) = shape;
            manual_seed(b * 1000 + cin * 100 + cout * 10 + n);
            var x = randn(b, cin, n, n).requires_grad_(true);
            var w = randn(cout, cin, 3, 3).requires_grad_(true);
            var g = randn(b, cout, n / 2, n / 2);
            var reference = nn.functional.conv2d(x, w, null, strides: [2, 2], padding: [1, 1]);
            var (rx, rw) = Gradients(reference, g, x, w);
            var ours = StridedConv.Down(x, w, threads: 2);
            var (ox, ow) = Gradients(ours, g, x, w);
            double dy = RelativeDifference(ours, reference), dx = RelativeDifference(ox, rx), dw = RelativeDifference(ow, rw);
            return (dy < Tolerance && dx < Tolerance && dw < Tolerance).Label($"{shape}: value {dy:E1}, input gradient {dx:E1}, weight gradient {dw:E1}");
        }));
    }

    [Test]
    public void The_up_kernel_and_its_gradients_equal_libtorchs_conv_transpose2d()
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        Check.One(Quick, Prop.ForAll(Arbitraries.ConvShapes, shape =>
        {
            using var scope = NewDisposeScope();
            var (b, cin, cout, n) = shape;
            manual_seed(b * 1000 + cin * 100 + cout * 10 + n + 1);
            var x = randn(b, cin, n / 2, n / 2).requires_grad_(true);
            var w = randn(cin, cout, 3, 3).requires_grad_(true);
            var g = randn(b, cout, n, n);
            var reference = nn.functional.conv_transpose2d(x, w, null, strides: [2, 2], padding: [1, 1], output_padding: [1, 1]);
            var (rx, rw) = Gradients(reference, g, x, w);
            var ours = StridedConv.Up(x, w, threads: 2);
            var (ox, ow) = Gradients(ours, g, x, w);
            double dy = RelativeDifference(ours, reference), dx = RelativeDifference(ox, rx), dw = RelativeDifference(ow, rw);
            return (dy < Tolerance && dx < Tolerance && dw < Tolerance).Label($"{shape}: value {dy:E1}, input gradient {dx:E1}, weight gradient {dw:E1}");
        }));
    }

    /// <summary>The fused layer, leaky_relu(conv(x, w) + b, α), against libtorch's three operations: values and the gradients of x, w and b.</summary>
    [Test]
    public void The_fused_layer_equals_libtorchs_convolution_bias_and_leaky_relu([Values(false, true)] bool transposed, [Values(0.2, 0.0, 1.0)] double slope, [Values(true, false)] bool withBias)
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(15), Prop.ForAll(Arbitraries.ConvShapes, shape =>
        {
            using var scope = NewDisposeScope();
            var (b, cin, cout, n) = shape;
            manual_seed(b * 1000 + cin * 100 + cout * 10 + n + 2);
            int side = transposed ? n / 2 : n;
            var x = randn(b, cin, side, side).requires_grad_(true);
            var w = (transposed ? randn(cin, cout, 3, 3) : randn(cout, cin, 3, 3)).requires_grad_(true);
            var bias = withBias ? randn(cout).requires_grad_(true) : null;
            var conv = transposed
                ? nn.functional.conv_transpose2d(x, w, bias, strides: [2, 2], padding: [1, 1], output_padding: [1, 1])
                : nn.functional.conv2d(x, w, bias, strides: [2, 2], padding: [1, 1]);
            var reference = slope == 1 ? conv : nn.functional.leaky_relu(conv, slope);
            // The leaky ReLU has a kink at 0, where float rounding of ours and libtorch's pre-activations can fall on either
            // side and the two gradients differ by (1 − α)·g there, legitimately (seen: shape (3, 1, 6, 48) has an
            // exact 0). The output gradient is therefore zero within 1e-4 of the kink, so both sides agree what to sum.
            var pre = conv.detach();
            var g = randn_like(reference) * (pre.abs() > 1e-4 * pre.abs().max()).to_type(ScalarType.Float32);
            (reference * g).sum().backward();
            var (rx, rw, rb) = (x.grad!.clone(), w.grad!.clone(), bias?.grad!.clone());
            x.grad!.zero_(); w.grad!.zero_(); bias?.grad!.zero_();
            var ours = StridedConv.Layer(x, w, bias, slope, transposed, threads: 2);
            (ours * g).sum().backward();
            // The bias gradient sums up to 5·80² terms of both signs: its rounding is bounded relative to the sum of their
            // magnitudes, Σ|g| per channel, not to the (cancelled) sum itself (relative to which one output channel
            // showed 1.2e-4 to 3.3e-4).
            double db = bias is null ? 0 : (bias.grad! - rb!).abs().max().item<float>() / Math.Max(1e-12, g.abs().sum([0, 2, 3]).max().item<float>());
            double dy = RelativeDifference(ours, reference), dx = RelativeDifference(x.grad!, rx), dw = RelativeDifference(w.grad!, rw);
            return (dy < Tolerance && dx < Tolerance && dw < Tolerance && db < Tolerance).Label($"{shape}: value {dy:E1}, gradients: input {dx:E1}, weight {dw:E1}, bias {db:E1} of Σ|g|");
        }));
    }

    static (Tensor Input, Tensor Weight) Gradients(Tensor y, Tensor g, Tensor x, Tensor w)
    {
        x.grad?.zero_();
        w.grad?.zero_();
        (y * g).sum().backward();
        return (x.grad!.clone(), w.grad!.clone());
    }

    /// <summary>
    /// L(x, w) = ⟨g, layer(x; w)⟩ is linear in each of x and w, so a central difference with step 1 is its partial
    /// derivative exactly, up to rounding: a check of the kernels' gradients that does not rely on libtorch.
    /// </summary>
    [Test]
    public void The_kernels_gradients_are_the_finite_differences_of_their_values([Values(false, true)] bool transposed)
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        using var scope = NewDisposeScope();
        manual_seed(7);
        int b = 2, cin = 3, cout = 4, n = 32;
        var x = (transposed ? randn(b, cin, n / 2, n / 2) : randn(b, cin, n, n)).requires_grad_(true);
        var w = (transposed ? randn(cin, cout, 3, 3) : randn(cout, cin, 3, 3)).requires_grad_(true);
        Tensor Layer(Tensor xi, Tensor wi) => transposed ? StridedConv.Up(xi, wi, 2) : StridedConv.Down(xi, wi, 2);
        var g = randn_like(Layer(x.detach(), w.detach()));
        double Loss(Tensor xi, Tensor wi) { using var _ = no_grad(); return (Layer(xi, wi).to(float64) * g.to(float64)).sum().item<double>(); }
        (Layer(x, w) * g).sum().backward();
        var random = new Random(3);
        foreach (var (tensor, grad, name) in new[] { (w, w.grad!, "weight"), (x, x.grad!, "input") })
            for (int trial = 0; trial < 12; trial++)
            {
                long index = random.NextInt64(tensor.numel());
                using var plus = tensor.detach().clone();
                using var minus = tensor.detach().clone();
                plus.view(-1)[index] += 1;
                minus.view(-1)[index] -= 1;
                double fd = name == "weight" ? (Loss(x.detach(), plus) - Loss(x.detach(), minus)) / 2 : (Loss(plus, w.detach()) - Loss(minus, w.detach())) / 2;
                double analytic = grad.view(-1)[index].item<float>();
                Assert.That(analytic, Is.EqualTo(fd).Within(1e-3 * Math.Max(1, Math.Abs(fd))), $"{name}[{index}]");
            }
    }

    /// <summary>Values and all three gradients are the same bits with 1, 2 and 3 threads (so a cached network does not depend on the thread count).</summary>
    [Test]
    public void Any_thread_count_gives_the_same_values_and_gradients_exactly([Values(false, true)] bool transposed)
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        float[][] Run(int threads)
        {
            using var scope = NewDisposeScope();
            manual_seed(11);
            var x = (transposed ? randn(7, 3, 16, 16) : randn(7, 3, 32, 32)).requires_grad_(true);
            var w = (transposed ? randn(3, 4, 3, 3) : randn(4, 3, 3, 3)).requires_grad_(true);
            var b = randn(4).requires_grad_(true);
            var y = StridedConv.Layer(x, w, b, 0.2, transposed, threads);
            (y * randn_like(y)).sum().backward();
            return [y.data<float>().ToArray(), x.grad!.data<float>().ToArray(), w.grad!.data<float>().ToArray(), b.grad!.data<float>().ToArray()];
        }
        var one = Run(1);
        foreach (int threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (int i = 0; i < one.Length; i++)
                Assert.That(other[i], Is.EqualTo(one[i]), $"{threads} threads, {new[] { "values", "input gradient", "weight gradient", "bias gradient" }[i]}");
        }
    }

    /// <summary>A diverging network must still show it: NaN and ±∞ pass through the fused activation as libtorch's leaky_relu passes them.</summary>
    [Test]
    public void Non_finite_values_pass_through_the_fused_activation_as_through_libtorchs()
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        using var scope = NewDisposeScope();
        manual_seed(13);
        var x = randn(2, 1, 32, 32);
        x[0, 0, 5, 5] = tensor(float.NaN);
        x[1, 0, 9, 9] = tensor(float.PositiveInfinity);
        x[1, 0, 20, 20] = tensor(float.NegativeInfinity);
        var w = randn(2, 1, 3, 3);
        var b = randn(2);
        var reference = nn.functional.leaky_relu(nn.functional.conv2d(x, w, b, strides: [2, 2], padding: [1, 1]), 0.2).data<float>().ToArray();
        var ours = StridedConv.Layer(x, w, b, 0.2, transposed: false, threads: 2).data<float>().ToArray();
        Assert.That(ours.Count(float.IsNaN), Is.EqualTo(reference.Count(float.IsNaN)).And.GreaterThan(0), "NaN stays NaN");
        Assert.That(ours.Count(float.IsInfinity), Is.EqualTo(reference.Count(float.IsInfinity)));
        for (int i = 0; i < ours.Length; i++)
            if (!float.IsFinite(reference[i])) Assert.That(ours[i], Is.EqualTo(reference[i]), $"element {i}");
    }

    /// <summary>The paper's autoencoder, K = 1 and K = 3 models, computes the same outputs and gradients with our kernels as with libtorch's.</summary>
    [Test]
    public void The_paper_network_computes_the_same_function_and_gradients_with_our_kernels([Values(1, 3)] int models, [Values(true, false)] bool biases)
    {
        if (!KernelsRunHere) Assert.Ignore("no AVX2 + FMA here: the kernels are not used on this CPU");
        using var scope = NewDisposeScope();
        Assert.That(StridedConv.Applies(zeros(1, 1, 64, 64), transposed: false) && StridedConv.Applies(zeros(1, 8, 32, 32), transposed: true),
            "the network's large layers run on our kernels, so this compares two implementations");
        var seeds = Enumerable.Range(1, models).ToArray();
        var config = AutoencoderConfig.Disk(biases, biases);
        using var ours = new Autoencoder(config, seeds);
        using var theirs = new Autoencoder(config, seeds);
        theirs.Encoder.OwnKernels = theirs.Decoder.OwnKernels = false;
        manual_seed(5);
        var x = rand(7, models, 64, 64);
        var (yo, yt) = (ours.forward(x), theirs.forward(x));
        Assert.That(RelativeDifference(yo, yt), Is.LessThan(1e-5), "outputs");
        (yo * yo).sum().backward();
        (yt * yt).sum().backward();
        var pairs = ours.parameters().Zip(theirs.parameters()).ToArray();
        Assert.That(pairs, Has.Length.EqualTo(biases ? 24 : 12));
        foreach (var (a, b) in pairs)
            Assert.That(RelativeDifference(a.grad!, b.grad!), Is.LessThan(1e-4), "parameter gradients");
    }
}
