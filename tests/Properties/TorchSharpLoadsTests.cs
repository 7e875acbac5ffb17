using Autoencoders.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>The foundation: TorchSharp's native library loads here, and autograd agrees with a finite difference.</summary>
public class TorchSharpLoadsTests
{
    [Test]
    public void Forward_and_backward_pass_match_a_finite_difference()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.3, -1.2, 2.0 }, dtype: float64, requires_grad: true);
        var w = tensor(new[] { 0.5, 1.5, -0.7 }, dtype: float64);
        Func<Tensor, Tensor> f = v => nn.functional.leaky_relu(v * w, 0.2).pow(2).sum() + v.sin().sum();
        var y = f(x);
        y.backward();
        var grad = x.grad!.data<double>().ToArray();
        const double h = 1e-6;
        for (int i = 0; i < 3; i++)
        {
            var e = zeros(3, dtype: float64); e[i] = tensor(h, dtype: float64);
            double fd;
            using (no_grad()) fd = (f(x + e).item<double>() - f(x - e).item<double>()) / (2 * h);
            Assert.That(grad[i], Is.EqualTo(fd).Within(1e-6), $"d f / d x[{i}]");
        }
    }
}
