using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>The regularisers ψ of Sec. 4.4.1, added to the data term as λψ.</summary>
public enum Regulariser
{
    None,
    /// <summary>ψ1(x, x′) = (‖x − x′‖² − ‖E(x) − E(x′)‖²)², x′ a random other element of the batch (latent locality).</summary>
    LatentLocality,
    /// <summary>ψ2 = Σ_ℓ ‖w_ℓ‖² + ‖w′_ℓ‖²: weights of encoder and decoder (biases excluded).</summary>
    AllWeights,
    /// <summary>ψ3 = Σ_ℓ ‖w_ℓ‖²: encoder weights only.</summary>
    EncoderWeights,
}

public static class Regularisers
{
    /// <summary>The paper's names: ψ1 latent locality, ψ2 all weights, ψ3 encoder weights.</summary>
    public static string PaperName(this Regulariser psi) => psi switch
    {
        Regulariser.None => "none",
        Regulariser.LatentLocality => "ψ1",
        Regulariser.AllWeights => "ψ2",
        Regulariser.EncoderWeights => "ψ3",
        _ => psi.ToString(),
    };

    /// <summary>A file-name form of <see cref="PaperName"/>.</summary>
    public static string FileName(this Regulariser psi) => psi switch
    {
        Regulariser.None => "none",
        Regulariser.LatentLocality => "psi1",
        Regulariser.AllWeights => "psi2",
        Regulariser.EncoderWeights => "psi3",
        _ => psi.ToString(),
    };

    /// <summary>
    /// ψ per model, [K]. <paramref name="images"/> [B, K, …] and <paramref name="codes"/> [B, K·d] are the batch;
    /// <paramref name="neighbours"/> [K, B] gives, for model k and element b, the index b′ of its partner x′
    /// (ψ1 averages over the batch).
    /// </summary>
    public static Tensor Value(Regulariser kind, Autoencoder model, Tensor images, Tensor codes, Tensor? neighbours)
    {
        int k = model.Models;
        switch (kind)
        {
            case Regulariser.None: return zeros(k, device: images.device);
            case Regulariser.AllWeights: return model.Encoder.WeightNormSquared() + model.Decoder.WeightNormSquared();
            case Regulariser.EncoderWeights: return model.Encoder.WeightNormSquared();
            case Regulariser.LatentLocality:
                if (neighbours is null) throw new ArgumentException("ψ1 needs a neighbour index per batch element");
                long b = images.shape[0];
                var x = images.transpose(0, 1).reshape(k, b, -1);                // [K, B, pixels]
                var z = codes.view(b, k, -1).transpose(0, 1);                     // [K, B, d]
                var xn = x.gather(1, neighbours.unsqueeze(2).expand(-1, -1, x.shape[2]));
                var zn = z.gather(1, neighbours.unsqueeze(2).expand(-1, -1, z.shape[2]));
                var gap = (x - xn).pow(2).sum(2) - (z - zn).pow(2).sum(2);         // [K, B]
                return gap.pow(2).mean([1]);
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
