using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Properties;

/// <summary>Sec. 4.4.1: ψ1, ψ2, ψ3 on cases computed by hand.</summary>
public class RegulariserTests
{
    static Autoencoder ConstantModel(float value, int models)
    {
        var model = new Autoencoder(AutoencoderConfig.Disk(), Enumerable.Range(0, models).ToArray());
        using var _ = no_grad();
        foreach (var w in model.Encoder.Weights.Concat(model.Decoder.Weights)) w.fill_(value);
        return model;
    }

    /// <summary>Weights per model: encoder Σ c_out·c_in·9 over 1,8,4,4,3,2,1 = 9·(8 + 32 + 16 + 12 + 6 + 2) = 684; decoder the same.</summary>
    const int WeightsPerNetwork = 684;

    [Test]
    public void Psi2_and_psi3_are_the_squared_weight_norms_per_model()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var model = ConstantModel(0.5f, 2);
        var x = zeros(3, 2, 64, 64);
        var z = model.Encode(x);
        Assert.That(Regularisers.Value(Regulariser.EncoderWeights, model, x, z, null).data<float>().ToArray(), Is.EqualTo(new[] { 0.25f * WeightsPerNetwork, 0.25f * WeightsPerNetwork }));
        Assert.That(Regularisers.Value(Regulariser.AllWeights, model, x, z, null).data<float>().ToArray(), Is.EqualTo(new[] { 0.5f * WeightsPerNetwork, 0.5f * WeightsPerNetwork }));
        Assert.That(Regularisers.Value(Regulariser.None, model, x, z, null).data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0f }));
    }

    [Test]
    public void Psi1_compares_image_and_code_distances_of_each_element_and_its_partner()
    {
        TorchRuntime.Initialise();
        using var scope = NewDisposeScope();
        using var model = ConstantModel(0.1f, 1);
        // Two images: all zeros and one bright pixel of value 3 → ‖x − x′‖² = 9. Codes given directly: 1 and 3 → ‖z − z′‖² = 4.
        var x = zeros(2, 1, 64, 64);
        x[1, 0, 10, 10] = tensor(3f);
        var z = tensor(new[] { 1f, 3f }, [2, 1]);
        var partners = tensor(new long[] { 1, 0 }, [1, 2]);
        float psi1 = Regularisers.Value(Regulariser.LatentLocality, model, x, z, partners).item<float>();
        Assert.That(psi1, Is.EqualTo((9f - 4f) * (9f - 4f)));
    }
}
