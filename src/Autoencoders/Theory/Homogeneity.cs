using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Theory;

/// <summary>Prop. 1 measured: how far a network is from N(λv) = λN(v).</summary>
public static class Homogeneity
{
    /// <summary>Float32 tolerance on the relative gap (see spec/claims.md, D7).</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// max |N(λv) − λN(v)| / (|λ| · max M(v)), where M is the network's magnitude bound (|weights|, no
    /// non-linearity, on |v|): float rounding errors scale with the terms summed, not with the result, which
    /// cancellation can make arbitrarily small. 0 when both sides vanish.
    /// </summary>
    public static double RelativeGap(ConvStack net, Tensor input, double lambda)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var y = net.forward(input);
        var ys = net.forward(input * lambda);
        double gap = (ys - y * lambda).abs().max().item<float>();
        double scale = Math.Abs(lambda) * net.ForwardMagnitude(input).max().item<float>();
        return gap == 0 ? 0 : scale == 0 ? double.PositiveInfinity : gap / scale;
    }

    /// <summary>Share of biased cases that must miss homogeneity by more than 10× <see cref="Tolerance"/> (D7's control).</summary>
    public const double BiasedShare = 0.9;

    /// <summary>
    /// D7's control over the relative gaps of random biased decoders: at least <see cref="BiasedShare"/> of them miss
    /// homogeneity by more than 10× the tolerance. Not every one: a one-layer decoder at a large |z| has a bias small
    /// beside w·z and is nearly homogeneous there (spec/claims.md, D7).
    /// </summary>
    public static bool BiasedControlHolds(IReadOnlyCollection<double> biasedGaps) =>
        biasedGaps.Count > 0 && ShareMissing(biasedGaps) >= BiasedShare;

    /// <summary>The share of cases whose relative gap exceeds 10× <see cref="Tolerance"/> (NaN for none).</summary>
    public static double ShareMissing(IReadOnlyCollection<double> gaps) => gaps.Count(g => g > 10 * Tolerance) / (double)gaps.Count;

        /// <summary>One random case of D7: a decoder's depths (1–5 layers of depth 1–8, from a code of size 1), a code z ∈ [−10, 10], λ log-uniform in [1e-6, 1e6], and the decoder's initialisation seed.</summary>
    public sealed record Case(int[] Depths, double Z, double Lambda, int Seed);

    /// <summary>Draws the next case from <paramref name="random"/> (D7 draws 50 from the run's base seed).</summary>
    public static Case Draw(Random random)
    {
        int layers = random.Next(1, 6);
        int[] depths = [1, .. Enumerable.Range(0, layers - 1).Select(_ => random.Next(1, 9)), 1];
        double z = 20 * random.NextDouble() - 10, lambda = Math.Pow(10, 12 * random.NextDouble() - 6);
        return new Case(depths, z, lambda, random.Next());
    }

        /// <summary>A randomly initialised decoder of the given depths (from a code of size 1), with biases shifted by 0.1.</summary>
    public static ConvStack RandomDecoder(int[] depths, int seed, bool bias)
    {
        var decoder = new ConvStack("decoder", new ConvStackSpec(depths, Transposed: true, bias), models: 1);
        decoder.Initialise([seed], 0);
        using var _ = no_grad();
        if (bias) foreach (var b in decoder.Biases) b!.add_(0.1); // PyTorch's init can give tiny biases: make them matter
        return decoder;
    }

    /// <summary>A code z as the decoder's [1, 1, 1, 1] input.</summary>
    public static Tensor Code(double z) => tensor(new[] { (float)z }, [1, 1, 1, 1]);
}
