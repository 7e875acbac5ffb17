using Autoencoders.Analysis;
using Autoencoders.Claims.Checks;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// #16.1: the last layer of the 64-sample position encoder reads 2 samples, so its left tap only ever multiplies
/// padding. Its gradient is exactly 0 (it never trains), and P3 compares only the taps that see data.
/// </summary>
public class DeadTapTests
{
    [OneTimeSetUp]
    public void Initialise() => TorchRuntime.Initialise();

    [Test, Claim("P3")]
    public void The_left_tap_of_the_last_encoder_layer_gets_no_gradient_and_the_others_do()
    {
        using var scope = NewDisposeScope();
        const int n = 64;
        using var net = new ConvStack("position-encoder", PositionNetworks.Encoder(n), 1);
        net.Initialise([1], 0);
        var inputs = eye(n).view(n, 1, n);
        var targets = tensor(Enumerable.Range(0, n).Select(a => (float)(n - a) / n).ToArray(), [n, 1, 1]);
        (RegressionObjective.Apply(net, inputs) - targets.unsqueeze(1)).pow(2).sum().backward();
        var last = net.Weights[^1].grad!.view(3).data<float>().ToArray();
        var first = net.Weights[0].grad!.view(3).data<float>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(last[0], Is.EqualTo(0f), "dead tap: multiplies padding only");
            Assert.That(last[1], Is.Not.EqualTo(0f));
            Assert.That(last[2], Is.Not.EqualTo(0f));
            Assert.That(first, Has.All.Not.EqualTo(0f), "every tap of the first layer sees data");
            Assert.That(FilterSimilarity.LiveTaps(2), Is.EqualTo(new[] { false, true, true }));
            Assert.That(FilterSimilarity.LiveTaps(4), Is.EqualTo(new[] { true, true, true }));
        });
    }

    /// <summary>
    /// A network that found [1, 2, 1] everywhere but kept a random dead tap scores 1 in every layer; over all three
    /// taps (the old measure) its last layer scores well below the 0.95 bar.
    /// </summary>
    [Test, Claim("P3")]
    public void A_random_dead_tap_does_not_lower_the_similarity()
    {
        double[][] filters = [.. Enumerable.Repeat(new double[] { 1, 2, 1 }, 5), [-0.9, 2, 1]];
        var cos = P3LearnedFilter.LayerCosines(filters, 64);
        Assert.That(cos, Has.All.EqualTo(1.0).Within(1e-12));
        Assert.That(FilterSimilarity.CosineTo121(filters[^1]), Is.LessThan(0.95), "the old all-tap measure");
    }

    /// <summary>
    /// The same in the 2-D disk autoencoder: the encoder's last layer reads a 2×2 map, so its top row and left column
    /// of taps (5 of 9) only multiply padding; the decoder's first (transposed) layer maps 1×1 to 2×2 and its tap 0
    /// in each direction lands outside the output. Their gradient from the data is exactly 0 (ψ2 and ψ3 count them in
    /// the weight norm, and their own gradient only shrinks them toward 0).
    /// </summary>
    [Test, Claim("P3")]
    public void The_2D_autoencoder_has_dead_taps_at_its_1x1_code_and_they_get_no_gradient()
    {
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1]);
        var x = rand(4, 1, 64, 64);
        (model.forward(x) - x).pow(2).sum().backward();
        float[] Grad(TorchSharp.Modules.Parameter w) => w.grad!.abs().sum([0L, 1L]).flatten().data<float>().ToArray(); // per tap, summed over channels
        var encoderLast = Grad(model.Encoder.Weights[^1]);
        var decoderFirst = Grad(model.Decoder.Weights[0]);
        bool Dead(int tap) => tap / 3 == 0 || tap % 3 == 0; // top row or left column of the 3×3 taps
        Assert.Multiple(() =>
        {
            for (int tap = 0; tap < 9; tap++)
            {
                if (Dead(tap))
                {
                    Assert.That(encoderLast[tap], Is.EqualTo(0f), $"encoder last layer, tap {tap}");
                    Assert.That(decoderFirst[tap], Is.EqualTo(0f), $"decoder first layer, tap {tap}");
                }
                else
                {
                    Assert.That(encoderLast[tap], Is.GreaterThan(0f), $"encoder last layer, live tap {tap}");
                    Assert.That(decoderFirst[tap], Is.GreaterThan(0f), $"decoder first layer, live tap {tap}");
                }
            }
        });
    }
}
