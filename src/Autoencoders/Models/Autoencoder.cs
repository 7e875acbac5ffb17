using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>
/// K independent autoencoders (E, D) of one architecture, trained together (see <see cref="ConvStack"/>).
/// Shapes (2-D): images [B, K, m, m] → codes [B, K·d] → images [B, K, m, m]; model k reads and writes channel k.
/// </summary>
public sealed class Autoencoder : nn.Module<Tensor, Tensor>
{
    public AutoencoderConfig Config { get; }
    public int Models { get; }
    public ConvStack Encoder { get; }
    public ConvStack Decoder { get; }

    public Autoencoder(AutoencoderConfig config, IReadOnlyList<int> seeds) : base("autoencoder")
    {
        Config = config.Check();
        Models = seeds.Count;
        Encoder = new ConvStack("encoder", new(config.EncoderDepths, Transposed: false, config.EncoderBias, config.Dimensions, config.Slope,
            config.CoordConv ? CoordinateLayers.Input : CoordinateLayers.None), Models);
        Decoder = new ConvStack("decoder", new(config.EffectiveDecoderDepths, Transposed: true, config.DecoderBias, config.Dimensions, config.Slope,
            config.CoordConv ? CoordinateLayers.EveryLayer : CoordinateLayers.None), Models);
        register_module("encoder", Encoder);
        register_module("decoder", Decoder);
        Encoder.Initialise(seeds, 0);
        Decoder.Initialise(seeds, 1);
    }

    /// <summary>[B, K, m(, m)] → [B, K·d] (model k's code is columns k·d … k·d + d − 1).</summary>
    public Tensor Encode(Tensor images) => Encoder.forward(images).flatten(1);

    /// <summary>[B, K·d] → [B, K, m(, m)].</summary>
    public Tensor Decode(Tensor codes)
    {
        long[] shape = Config.Dimensions == 2 ? [codes.shape[0], codes.shape[1], 1, 1] : [codes.shape[0], codes.shape[1], 1];
        return Decoder.forward(codes.view(shape));
    }

    public override Tensor forward(Tensor images) => Decode(Encode(images));
}
