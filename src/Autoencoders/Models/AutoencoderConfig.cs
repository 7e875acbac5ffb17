namespace Autoencoders.Models;

/// <summary>
/// The architecture of Sec. 3 (Table 1, Fig. 1). Defaults are the paper's disk autoencoder: 64×64 input, encoder
/// depths 1, 8, 4, 4, 3, 2, 1 down to a scalar code, decoder the mirror image, leaky ReLU α = 0.2 after every layer.
/// </summary>
public sealed record AutoencoderConfig
{
    public int ImageSize { get; init; } = 64;
    public int[] EncoderDepths { get; init; } = [1, 8, 4, 4, 3, 2, 1];
    /// <summary>Decoder depths from the code to the image; null means the mirror of the encoder.</summary>
    public int[]? DecoderDepths { get; init; }
    public bool EncoderBias { get; init; } = true;
    public bool DecoderBias { get; init; } = true;
    public double Slope { get; init; } = 0.2;
    public int Dimensions { get; init; } = 2;
    /// <summary>CoordConv (B2): the encoder's first layer and every decoder layer also read the coordinate channels.</summary>
    public bool CoordConv { get; init; }

    public int CodeSize => EncoderDepths[^1];
    public int[] EffectiveDecoderDepths => DecoderDepths ?? EncoderDepths.Reverse().ToArray();

    /// <summary>The paper's disk autoencoder with the given biases.</summary>
    public static AutoencoderConfig Disk(bool encoderBias = true, bool decoderBias = true) =>
        new() { EncoderBias = encoderBias, DecoderBias = decoderBias };

    /// <summary>Checks the layer count halves the image to 1 pixel and the depths chain; throws naming the problem.</summary>
    public AutoencoderConfig Check()
    {
        int layers = EncoderDepths.Length - 1;
        if (layers < 1) throw new ArgumentException("the encoder needs at least one layer");
        if (ImageSize != 1 << layers)
            throw new ArgumentException($"{layers} stride-2 layers reduce a {ImageSize}-pixel side to {ImageSize / Math.Pow(2, layers)}, not 1: use {Math.Log2(ImageSize)} layers or an image side of {1 << layers}");
        var dec = EffectiveDecoderDepths;
        if (dec.Length != EncoderDepths.Length) throw new ArgumentException($"decoder has {dec.Length - 1} layers, encoder {layers}: they must match to return to {ImageSize} pixels");
        if (dec[0] != CodeSize) throw new ArgumentException($"decoder starts at depth {dec[0]} but the code has size {CodeSize}");
        if (EncoderDepths[0] != dec[^1]) throw new ArgumentException($"encoder input depth {EncoderDepths[0]} differs from decoder output depth {dec[^1]}");
        return this;
    }

    public override string ToString() =>
        $"{Dimensions}-D {ImageSize}px enc[{string.Join(",", EncoderDepths)}]{(EncoderBias ? "+b" : "")} dec[{string.Join(",", EffectiveDecoderDepths)}]{(DecoderBias ? "+b" : "")} α={Slope}{(CoordConv ? " CoordConv" : "")}";
}
