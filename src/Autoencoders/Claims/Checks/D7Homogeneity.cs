using Autoencoders.Report;
using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>D7, Prop. 1: bias-free decoders are positively homogeneous; with biases they are not.</summary>
public sealed class D7Homogeneity : ClaimCheck
{
    public override string Id => "D7";

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var random = new Random(context.Budget.BaseSeed);
        var (freeCases, biasedCases) = (new List<(double Case, double Gap)>(), new List<(double Case, double Gap)>());
        for (int i = 0; i < 50; i++)
        {
            var (depths, z, lambda, seed) = Homogeneity.Draw(random);
            using var free = Homogeneity.RandomDecoder(depths, seed, bias: false);
            using var biased = Homogeneity.RandomDecoder(depths, seed, bias: true);
            freeCases.Add((i + 1, Homogeneity.RelativeGap(free, Homogeneity.Code(z), lambda)));
            if (Math.Abs(lambda - 1) > 0.1) biasedCases.Add((i + 1, Homogeneity.RelativeGap(biased, Homogeneity.Code(z), lambda)));
        }
        // Math.Max, not Enumerable.Max: a NaN gap must make the worst NaN (and fail), not be skipped.
        double worstFree = freeCases.Aggregate(0.0, (worst, c) => Math.Max(worst, c.Gap));
        var biasedGaps = biasedCases.Select(c => c.Gap).ToList();
        // The control reads the share of biased cases that miss (Homogeneity.BiasedControlHolds), not the least one.
        biasedGaps.Sort();
        double share = Homogeneity.ShareMissing(biasedGaps);
        var metrics = new Dictionary<string, double> { ["max_relative_gap_bias_free"] = worstFree, ["biased_share_missing"] = share, ["median_relative_gap_with_bias"] = biasedGaps[biasedGaps.Count / 2], ["min_relative_gap_with_bias"] = biasedGaps[0] };
        bool held = worstFree <= Homogeneity.Tolerance && Homogeneity.BiasedControlHolds(biasedGaps);
        return new(held, metrics, $"max |D(λz) − λD(z)| / (λ·magnitude bound) over 50 random decoders: {worstFree:0.0e+0} without biases (≤ {Homogeneity.Tolerance:0e+0}); with biases {share:0%} of cases miss by more than {10 * Homogeneity.Tolerance:0e+0} (control: ≥ {Homogeneity.BiasedShare:0%}; median {biasedGaps[biasedGaps.Count / 2]:0.0e+0}, least {biasedGaps[0]:0.0e+0})", context.DrawFigures ? [Draw(context, freeCases, biasedCases)] : []);
    }

    /// <summary>Each random decoder's gap on a log scale, without and with biases, beside the tolerance and the control's miss.</summary>
    static string Draw(ClaimContext context, List<(double Case, double Gap)> free, List<(double Case, double Gap)> biased)
    {
        // A gap of exactly 0 (a decoder homogeneous to the last bit) is drawn at 1e-12, below anything measured; a
        // non-finite gap (a decoder that overflowed) is left out of the figure, not out of the verdict.
        free = free.Where(c => double.IsFinite(c.Gap)).ToList();
        biased = biased.Where(c => double.IsFinite(c.Gap)).ToList();
        static double[] Log(IEnumerable<double> gaps) => gaps.Select(g => Math.Log10(Math.Max(g, 1e-12))).ToArray();
        double[] ends = [0, 51];
        return Figures.Lines(context.FigurePath("d7_homogeneity.png"), "D7, Prop. 1: |D(λz) − λD(z)| over 50 random decoders, without and with biases",
            "random decoder (depth, code z and factor λ drawn)", "log10 of the relative gap",
            [new("without biases", free.Select(c => c.Case).ToArray(), Log(free.Select(c => c.Gap)), Markers: true),
             new("with biases (|λ − 1| > 0.1)", biased.Select(c => c.Case).ToArray(), Log(biased.Select(c => c.Gap)), Markers: true),
             new($"tolerance {Homogeneity.Tolerance:0e+0}", ends, Log([Homogeneity.Tolerance, Homogeneity.Tolerance])),
             new($"control: a miss is > {10 * Homogeneity.Tolerance:0e+0}", ends, Log([10 * Homogeneity.Tolerance, 10 * Homogeneity.Tolerance]))],
            ScottPlot.Alignment.LowerRight);
    }
}
