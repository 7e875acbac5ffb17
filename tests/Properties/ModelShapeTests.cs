using Autoencoders.Models;
using Autoencoders.Runtime;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>Sec. 3, Table 1, Fig. 1: the architecture's shapes, and the equivalence behind the up-sampling layers.</summary>
public class ModelShapeTests
{
    [SetUp] public void Torch() => TorchRuntime.Initialise();

    [Test]
    public void The_disk_autoencoder_maps_64x64_images_to_one_scalar_per_model_and_back()
    {
        using var scope = NewDisposeScope();
        using var model = new Autoencoder(AutoencoderConfig.Disk(), [1, 2, 3]);
        var x = rand(5, 3, 64, 64);
        var z = model.Encode(x);
        Assert.That(z.shape, Is.EqualTo(new long[] { 5, 3 }));
        Assert.That(model.Decode(z).shape, Is.EqualTo(new long[] { 5, 3, 64, 64 }));
        var layers = model.Encoder.ForwardLayers(x).Select(u => u.shape).ToArray();
        Assert.That(layers.Select(s => s[1] / 3), Is.EqualTo(new long[] { 8, 4, 4, 3, 2, 1 }), "encoder depths 1, 8, 4, 4, 3, 2, 1");
        Assert.That(layers.Select(s => s[2]), Is.EqualTo(new long[] { 32, 16, 8, 4, 2, 1 }), "stride 2 halves each side");
        Assert.That(model.Decoder.ForwardLayers(z.view(5, 3, 1, 1)).Select(u => u.shape[1] / 3), Is.EqualTo(new long[] { 2, 3, 4, 4, 8, 1 }), "decoder mirrored");
    }

    [Test]
    public void The_1D_position_networks_have_the_papers_shapes()
    {
        using var scope = NewDisposeScope();
        using var encoder = new ConvStack("e", PositionNetworks.Encoder(64), 2);
        Assert.That(encoder.forward(rand(4, 2, 64)).shape, Is.EqualTo(new long[] { 4, 2, 1 }));
        using var decoder = new ConvStack("d", PositionNetworks.Decoder(), 2);
        Assert.That(decoder.forward(rand(4, 2, 1)).shape, Is.EqualTo(new long[] { 4, 2, 64 }));
    }

    [Test]
    public void A_transposed_convolution_is_zero_insertion_upsampling_then_convolution()
    {
        using var scope = NewDisposeScope();
        using var layer = new ConvStack("d", new ConvStackSpec([1, 1], Transposed: true, Bias: false, Slope: 1), 1);
        layer.Initialise([5], 0);
        var x = rand(1, 1, 4, 4);
        var upsampled = zeros(1, 1, 8, 8);
        upsampled.index_put_(x, TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(0, null, 2), TensorIndex.Slice(0, null, 2));
        var flipped = layer.Weights[0].flip(2, 3); // [cin, cout, 3, 3] → conv weight [cout, cin, 3, 3] (here 1×1)
        var expected = nn.functional.conv2d(upsampled, flipped, padding: [1, 1]);
        Assert.That((layer.forward(x) - expected).abs().max().item<float>(), Is.LessThan(1e-6f));
    }

    [Test]
    public void Bad_architectures_are_refused_with_a_reason()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => new AutoencoderConfig { ImageSize = 48 }.Check())!.Message, Does.Contain("48"));
        Assert.That(Assert.Throws<ArgumentException>(() => new AutoencoderConfig { DecoderDepths = [2, 2, 3, 4, 4, 8, 1] }.Check())!.Message, Does.Contain("code has size 1"));
        Assert.Throws<ArgumentException>(() => new ConvStackSpec([1, 0, 1], false, true).Check());
    }
}
