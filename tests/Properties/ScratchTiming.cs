using System.Diagnostics;
using Autoencoders.Models;
using Autoencoders.Runtime;
using static TorchSharp.torch;
namespace Autoencoders.Tests.Properties;
public class ScratchTiming
{
    static double Time(Func<Tensor> f, bool backward)
    {
        double t = 0;
        for (int r = -3; r < 20; r++)
        {
            using var scope = NewDisposeScope();
            var c = Stopwatch.StartNew();
            var y = f();
            if (backward) y.backward([ones_like(y)]);
            if (r >= 0) t += c.Elapsed.TotalMilliseconds;
        }
        return t / 20;
    }
    [Test, Explicit]
    public void Compare()
    {
        TorchRuntime.Initialise();
        foreach (var (cin, cout, n) in new[] { (1, 8, 64), (8, 4, 32), (4, 4, 16) })
        {
            var x = randn(300, cin, n, n).requires_grad_(cin > 1);
            var w = randn(cout, cin, 3, 3).requires_grad_(true);
            foreach (bool bw in new[] { false, true })
                TestContext.Out.WriteLine($"down {cin}->{cout}@{n} bwd={bw}: torch {Time(() => nn.functional.conv2d(x, w, null, strides: [2, 2], padding: [1, 1]), bw):0.00} ours {Time(() => StridedConv.Down(x, w, 2), bw):0.00}");
        }
        foreach (var (cin, cout, h) in new[] { (8, 1, 32), (4, 8, 16), (4, 4, 8) })
        {
            var x = randn(300, cin, h, h).requires_grad_(true);
            var w = randn(cin, cout, 3, 3).requires_grad_(true);
            foreach (bool bw in new[] { false, true })
                TestContext.Out.WriteLine($"up {cin}->{cout}@{h} bwd={bw}: torch {Time(() => nn.functional.conv_transpose2d(x, w, null, strides: [2, 2], padding: [1, 1], output_padding: [1, 1]), bw):0.00} ours {Time(() => StridedConv.Up(x, w, 2), bw):0.00}");
        }
    }
}
