using Autoencoders.Models;
using Autoencoders.Runtime;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>B2's CoordConv layers: every layer reads the row and column coordinates of its input, per model.</summary>
public class CoordConvStackTests
{
    [Test]
    public void The_coordinate_channels_are_the_row_and_the_column_scaled_to_minus_one_one()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        var c = CoordinateChannels.Append(zeros(1, 4, 4));
        Assert.That(c.shape, Is.EqualTo(new long[] { 1, 3, 4, 4 }));
        Assert.That(c[0, 1, .., 0].data<float>().ToArray(), Is.EqualTo(new[] { -1f, -1f / 3, 1f / 3, 1f }).Within(1e-6), "row index i down the rows");
        Assert.That(c[0, 2, 0].data<float>().ToArray(), Is.EqualTo(new[] { -1f, -1f / 3, 1f / 3, 1f }).Within(1e-6), "column index j along a row");
    }

    [Test]
    public void A_CoordConv_decoder_draws_position_dependent_images_from_a_zero_code_and_its_models_stay_apart()
    {
        // With a zero code only the coordinates (and biases) reach the output; models split or grouped agree.
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var stack = new ConvStack("renderer", PositionNetworks.Decoder2D(coordConv: true, width: 4, side: 16), models: 2);
        stack.Initialise([1, 2], 0);
        Assert.That(stack.Weights[0].shape, Is.EqualTo(new long[] { 2 * 4, 4, 3, 3 }), "layer 1 reads the 2 code channels and 2 coordinates");
        var y = stack.forward(zeros(3, 2 * 2, 1, 1)); // [3, 2, 16, 16]
        Assert.That(y.shape, Is.EqualTo(new long[] { 3, 2, 16, 16 }));
        Assert.That(y[0, 0].std().item<float>(), Is.GreaterThan(1e-4f), "the output varies across the image");
        stack.SplitModels = false;
        var grouped = stack.forward(zeros(3, 2 * 2, 1, 1));
        Assert.That((grouped - y).abs().max().item<float>(), Is.LessThan(1e-5f), "split and grouped models compute the same function");
        Assert.That((y[0, 0] - y[0, 1]).abs().max().item<float>(), Is.GreaterThan(1e-4f), "two seeds, two different networks");
    }

    [Test]
    public void Model_k_of_a_CoordConv_stack_is_the_network_of_seed_k_alone()
    {
        // The coordinate channels must land in each model's own channel block: model 1 of K = 2 equals K = 1 seeded alone.
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        var spec = PositionNetworks.Decoder2D(coordConv: true, width: 4, side: 16);
        using var pair = new ConvStack("renderer", spec, models: 2);
        pair.Initialise([5, 9], 0);
        using var alone = new ConvStack("renderer", spec, models: 1);
        alone.Initialise([9], 0);
        var codes = tensor(new float[] { 0.1f, 0.7f, 0.3f, 0.9f, 0.5f, 0.2f }, [3, 2, 1, 1]);
        var both = pair.forward(cat([rand(3, 2, 1, 1), codes], 1)); // model 0 gets noise, model 1 the codes
        var single = alone.forward(codes);
        Assert.That((both.narrow(1, 1, 1) - single).abs().max().item<float>(), Is.LessThan(1e-5f));
        var encoder = PositionNetworks.Encoder2D(coordConv: true, width: 4, side: 16);
        using var encoders = new ConvStack("encoder", encoder, models: 2);
        encoders.Initialise([5, 9], 0);
        using var encoderAlone = new ConvStack("encoder", encoder, models: 1);
        encoderAlone.Initialise([9], 0);
        var images = rand(3, 1, 16, 16);
        var out2 = encoders.forward(cat([rand(3, 1, 16, 16), images], 1));
        Assert.That((out2.narrow(1, 2, 2) - encoderAlone.forward(images)).abs().max().item<float>(), Is.LessThan(1e-5f));
    }
}
