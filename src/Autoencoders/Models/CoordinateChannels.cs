using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>
/// CoordConv's coordinate channels (Liu et al. 2018, their released AddCoords): the row index i and the column index j
/// of every pixel, each scaled to [−1, 1] as idx/(n − 1)·2 − 1, concatenated after the image's own channel.
/// </summary>
public static class CoordinateChannels
{
    /// <summary>The two coordinate channels of a side × side input: [2, side, side], i then j.</summary>
    public static Tensor Grid(long side, ScalarType dtype, Device device)
    {
        var ramp = linspace(-1, 1, side, dtype: dtype, device: device);
        return stack([ramp.view(side, 1).expand(side, side), ramp.view(1, side).expand(side, side)]);
    }

    /// <summary>Images [N, n, n] → CoordConv's network inputs [N, 3, n, n]: the image, then i, then j.</summary>
    public static Tensor Append(Tensor images)
    {
        long n = images.shape[0], side = images.shape[1];
        return cat([images.unsqueeze(1), Grid(side, images.dtype, images.device).unsqueeze(0).expand(n, 2, side, side)], 1);
    }
}
