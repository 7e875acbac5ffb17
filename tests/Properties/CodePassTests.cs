using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Runtime;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// The d = 2 code pass of B1's ellipses and B2's autoencoders: chunked over images and split per model, it must give
/// each model's code and output for each image exactly as encoding that image alone does (layout [n, K, 2]).
/// </summary>
public class CodePassTests
{
    [Test]
    public void Chunked_codes_and_outputs_are_each_models_own()
    {
        TorchRuntime.Initialise();
        using var model = new Autoencoder(new AutoencoderConfig { EncoderDepths = [1, 8, 4, 4, 3, 2, 2] }, [3, 4]);
        var grid = ImageGrid.Paper;
        using var data = ShapeDataset.Disks(new ExactRenderer(grid, 1.0), Enumerable.Range(0, 260).Select(i => 2 + i * 0.1).ToArray());
        var (codes, outputs) = CodePass.Run(model, data.Count, (start, n) => data.Images.narrow(0, start, n));
        using var _ = no_grad();
        foreach (int i in new[] { 0, 255, 256, 259 })
        {
            var x = data.Images[i].unsqueeze(0).unsqueeze(0).expand(1, 2, 64, 64).contiguous();
            var z = model.Encode(x).data<float>().ToArray();         // [1, K·2]
            var y = model.Decode(model.Encode(x)).data<float>().ToArray(); // [1, K, 64, 64]
            for (int k = 0; k < 2; k++)
                Assert.Multiple(() =>
                {
                    Assert.That(codes[k][i].Item1, Is.EqualTo(z[k * 2]).Within(1e-5), $"image {i}, model {k}, z₁");
                    Assert.That(codes[k][i].Item2, Is.EqualTo(z[k * 2 + 1]).Within(1e-5), $"image {i}, model {k}, z₂");
                    Assert.That(outputs[k][i][2080], Is.EqualTo(y[k * 4096 + 2080]).Within(1e-5), $"image {i}, model {k}, a pixel");
                });
        }
        Assert.That(codes[0][10], Is.Not.EqualTo(codes[1][10]), "two seeds give two codes");
    }
}
