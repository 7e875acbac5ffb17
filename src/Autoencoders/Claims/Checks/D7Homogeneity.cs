using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>D7, Prop. 1: bias-free decoders are positively homogeneous; with biases they are not.</summary>
public sealed class D7Homogeneity : ClaimCheck
{
    public override string Id => "D7";

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var random = new Random(context.Budget.BaseSeed);
        double worstFree = 0;
        var biasedGaps = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            var (depths, z, lambda, seed) = Homogeneity.Draw(random);
            using var free = Homogeneity.RandomDecoder(depths, seed, bias: false);
            using var biased = Homogeneity.RandomDecoder(depths, seed, bias: true);
            worstFree = Math.Max(worstFree, Homogeneity.RelativeGap(free, Homogeneity.Code(z), lambda));
            if (Math.Abs(lambda - 1) > 0.1) biasedGaps.Add(Homogeneity.RelativeGap(biased, Homogeneity.Code(z), lambda));
        }
        // The control reads the share of biased cases that miss (Homogeneity.BiasedControlHolds), not the least one.
        biasedGaps.Sort();
        double share = Homogeneity.ShareMissing(biasedGaps);
        var metrics = new Dictionary<string, double> { ["max_relative_gap_bias_free"] = worstFree, ["biased_share_missing"] = share, ["median_relative_gap_with_bias"] = biasedGaps[biasedGaps.Count / 2], ["min_relative_gap_with_bias"] = biasedGaps[0] };
        bool held = worstFree <= Homogeneity.Tolerance && Homogeneity.BiasedControlHolds(biasedGaps);
        return new(held, metrics, $"max |D(λz) − λD(z)| / (λ·magnitude bound) over 50 random decoders: {worstFree:0.0e+0} without biases (≤ {Homogeneity.Tolerance:0e+0}); with biases {share:0%} of cases miss by more than {10 * Homogeneity.Tolerance:0e+0} (control: ≥ {Homogeneity.BiasedShare:0%}; median {biasedGaps[biasedGaps.Count / 2]:0.0e+0}, least {biasedGaps[0]:0.0e+0})", []);
    }
}
