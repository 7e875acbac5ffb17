namespace Autoencoders.Models;

/// <summary>The 1-D networks of Sec. 5, as <see cref="ConvStack"/> specifications.</summary>
public static class PositionNetworks
{
    /// <summary>
    /// The position encoder of Sec. 5.3: L depth-1 layers of size-3, stride-2 convolutions taking n = 2^L to 1.
    /// With <paramref name="bias"/> false and <paramref name="slope"/> 1 it is the linear network of Prop. 3.
    /// </summary>
    public static ConvStackSpec Encoder(int n, bool bias = true, double slope = 0.2)
    {
        int layers = (int)Math.Log2(Data.Diracs.CheckPowerOfTwo(n));
        return new ConvStackSpec(Enumerable.Repeat(1, layers + 1).ToArray(), Transposed: false, bias, Dimensions: 1, slope);
    }

    /// <summary>
    /// The position decoder of Sec. 5.4: depths 1, 2, 4, 4, 4, 8 then the 1-channel output, 1 → 64 samples. A
    /// <paramref name="width"/> above 1 multiplies the hidden depths (P4's finding: 4× decodes where 1× often fails).
    /// </summary>
    public static ConvStackSpec Decoder(bool bias = true, double slope = 0.2, int width = 1)
    {
        if (width < 1) throw new ArgumentException($"decoder width factor {width} must be ≥ 1");
        return new([1, 2 * width, 4 * width, 4 * width, 4 * width, 8 * width, 1], Transposed: true, bias, Dimensions: 1, slope);
    }

    /// <summary>
    /// B2's 2-D position encoder: an image [1, 64, 64] → (u_x, u_y), six stride-2 layers of depth <paramref name="width"/>
    /// in the paper's style; with <paramref name="coordConv"/> its first layer also reads CoordConv's coordinate channels.
    /// </summary>
    public static ConvStackSpec Encoder2D(bool coordConv = false, int width = 8, int side = 64)
    {
        if (width < 1) throw new ArgumentException($"depth {width} must be ≥ 1");
        int layers = (int)Math.Log2(Data.Diracs.CheckPowerOfTwo(side));
        return new([1, .. Enumerable.Repeat(width, layers - 1), 2], Transposed: false, Bias: true, Dimensions: 2,
            Coordinates: coordConv ? CoordinateLayers.Input : CoordinateLayers.None);
    }

    /// <summary>
    /// B2's 2-D renderer: (u_x, u_y) as a 1 × 1 code → a 64 × 64 image, six transposed stride-2 layers of depth
    /// <paramref name="width"/>; with <paramref name="coordConv"/> every layer also reads the coordinate channels.
    /// </summary>
    public static ConvStackSpec Decoder2D(bool coordConv = false, int width = 8, int side = 64)
    {
        if (width < 1) throw new ArgumentException($"depth {width} must be ≥ 1");
        int layers = (int)Math.Log2(Data.Diracs.CheckPowerOfTwo(side));
        return new([2, .. Enumerable.Repeat(width, layers - 1), 1], Transposed: true, Bias: true, Dimensions: 2,
            Coordinates: coordConv ? CoordinateLayers.EveryLayer : CoordinateLayers.None);
    }
}
