using Autoencoders.Experiments;
using Autoencoders.Report;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// P5 (Sec. 5.4): the decoder of P4 trained on one-hot Diracs at the 64 integer positions only decodes worse,
/// "in particular, interpolating between known datapoints is quite unstable". Judged on the same seeds, steps and
/// test positions as P4: peak errors at the integers 1…62 and half-way between them, 0.5…62.5. The verdict uses the
/// 4× wider decoder of P4's finding, the one that decodes from continuous data in every seed: at the paper's depths
/// the continuous decoders fail too (P4), and comparing two failures says nothing about sampling. The paper-depth
/// numbers are reported beside it.
/// </summary>
public sealed class P5DiscreteDecoding : ClaimCheck
{
    public override string Id => "P5";
    /// <summary>
    /// Between integers the discrete decoders must be worse than at them by this factor (median over seeds) while the
    /// continuous ones are not, and worse than the continuous decoders there (median over seeds).
    /// </summary>
    public const double MinBetweenToAtRatio = 1.3;

    static bool Integer(double a) => a % 1 == 0;
    static bool Half(double a) => a % 1 == 0.5;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var seeds = P4DecodingPositions.Seeds(context);
        var sweep = P4DecodingPositions.Sweep;
        DecodedDiracs[] Decoded(bool continuous, int width) =>
            DecodedDiracs.Of(PositionExperiment.SharedDecoder(continuous, seeds, P4DecodingPositions.Steps, width).Net, sweep);
        var continuous = Decoded(true, P4DecodingPositions.WideWidth);
        var discrete = Decoded(false, P4DecodingPositions.WideWidth);

        var metrics = new Dictionary<string, double>();
        (double At, double Between) Errors(DecodedDiracs d) => (d.Where(Integer).PeakErrors.Average(), d.Where(Half).PeakErrors.Average());
        var c = continuous.Select(Errors).ToArray();
        var d = discrete.Select(Errors).ToArray();
        var paperContinuous = Decoded(true, 1).Select(Errors).ToArray();
        var paperDiscrete = Decoded(false, 1).Select(Errors).ToArray();
        metrics["paper_depths_discrete_between_median_px"] = paperDiscrete.Select(e => e.Between).Median();
        metrics["paper_depths_continuous_between_median_px"] = paperContinuous.Select(e => e.Between).Median();
        for (int k = 0; k < seeds.Length; k++)
        {
            metrics[$"discrete_error_at_integers_px[seed{seeds[k]}]"] = d[k].At;
            metrics[$"discrete_error_between_px[seed{seeds[k]}]"] = d[k].Between;
            metrics[$"continuous_error_at_integers_px[seed{seeds[k]}]"] = c[k].At;
            metrics[$"continuous_error_between_px[seed{seeds[k]}]"] = c[k].Between;
        }
        double discreteRatio = d.Select(e => e.Between / e.At).Median(), continuousRatio = c.Select(e => e.Between / e.At).Median();
        double discreteBetween = d.Select(e => e.Between).Median(), continuousBetween = c.Select(e => e.Between).Median();
        metrics["discrete_between_to_at_median"] = discreteRatio;
        metrics["continuous_between_to_at_median"] = continuousRatio;
        metrics["discrete_between_median_px"] = discreteBetween;
        metrics["continuous_between_median_px"] = continuousBetween;
        metrics["discrete_seeds_decoding_p4_criterion"] = discrete.Count(P4DecodingPositions.Decodes);

        bool unstableBetween = discreteRatio >= MinBetweenToAtRatio && continuousRatio < MinBetweenToAtRatio;
        bool worseThanContinuous = discreteBetween > continuousBetween;
        var figure = Figures.Lines(Path.Combine(context.FigureDirectory, "p5_discrete_vs_continuous.png"),
            $"P5: mean peak error per seed ({P4DecodingPositions.WideWidth}× decoder), at integers and half-way between", "seed", "mean |peak − a| (px)",
            [new("discrete, at integers", seeds.Select(s => (double)s).ToArray(), d.Select(e => e.At).ToArray(), Markers: true),
             new("discrete, between", seeds.Select(s => (double)s).ToArray(), d.Select(e => e.Between).ToArray(), Markers: true),
             new("continuous, at integers", seeds.Select(s => (double)s).ToArray(), c.Select(e => e.At).ToArray(), Markers: true),
             new("continuous, between", seeds.Select(s => (double)s).ToArray(), c.Select(e => e.Between).ToArray(), Markers: true)]);
        return (unstableBetween && worseThanContinuous, metrics,
            $"median over {seeds.Length} seeds: discrete decoders err {discreteRatio:0.00}× more between integers than at them (continuous {continuousRatio:0.00}×; criterion ≥ {MinBetweenToAtRatio} and continuous below); " +
            $"between integers discrete {discreteBetween:0.00} px vs continuous {continuousBetween:0.00} px (criterion: discrete worse); " +
            $"{metrics["discrete_seeds_decoding_p4_criterion"]}/{seeds.Length} discrete seeds pass P4's per-seed test ({P4DecodingPositions.WideWidth}× depths). " +
            $"At the paper's depths: between integers discrete {metrics["paper_depths_discrete_between_median_px"]:0.00} px vs continuous {metrics["paper_depths_continuous_between_median_px"]:0.00} px",
            [figure]);
    }
}
