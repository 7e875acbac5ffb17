using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;
using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D9, Prop. 2: the numerical maximiser of J(f) is the Airy closed form (theory), and the profile the bias-free
/// network learns matches it (Fig. 12), for each seed of the tier.
/// </summary>
public sealed class D9OptimalProfile : ClaimCheck
{
    public override string Id => "D9";
    public const int GridPoints = 300;
    public const double Tolerance = 1e-5, MaxLearnedGap = 0.1, TrainingRadius = 32;

    /// <summary>Ring centres t_k = k + ½ of the radial profiles.</summary>
    public static double[] RingCentres(int count) => Enumerable.Range(0, count).Select(k => k + 0.5).ToArray();

    /// <summary>
    /// The learned profile scaled by least squares (weight t, the 2-D measure) onto the optimum for radius R, and the
    /// largest gap between them over all rings: (scaled learned, optimum, max gap).
    /// </summary>
    public static (double[] Learned, double[] Optimal, double MaxGap) Compare(double[] learned, double r)
    {
        var t = RingCentres(learned.Length);
        var optimal = t.Select(x => OptimalProfile.ClosedForm(x, r)).ToArray();
        double s = t.Select((x, i) => x * learned[i] * optimal[i]).Sum() / t.Select((x, i) => x * learned[i] * learned[i]).Sum();
        var scaled = learned.Select(v => s * v).ToArray();
        return (scaled, optimal, scaled.Zip(optimal, (a, b) => Math.Abs(a - b)).Max());
    }

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var gaps = new[] { 8.0, 18, 32, 45 }.Select(r => OptimalProfile.MaxDifference(r, GridPoints)).ToArray();
        var metrics = new Dictionary<string, double> { ["max_gap_numerical_vs_airy"] = gaps.Max(), ["first_zero_x0"] = OptimalProfile.FirstZero(), ["k_R32"] = OptimalProfile.K(32) };
        bool held = gaps.Max() < Tolerance;

        var suite = DiskSuite.For(context);
        var evaluations = DiskSuite.Evaluate(suite.BiasFree, context.Log);
        var learnedGaps = new List<double>();
        var figureSeries = new List<Figures.Series>();
        for (int k = 0; k < evaluations.Length; k++)
        {
            var (learned, optimal, gap) = Compare(D8ScalarProduct.LearnedProfile(evaluations[k]), TrainingRadius);
            // Negative control: the optimum for a wrong R (three quarters of the training range) must not match.
            double control = Compare(learned, 0.75 * TrainingRadius).MaxGap;
            metrics[$"learned_max_gap[seed{suite.BiasFree.Seeds[k]}]"] = gap;
            metrics[$"control_gap_R24[seed{suite.BiasFree.Seeds[k]}]"] = control;
            held &= gap < MaxLearnedGap && control >= MaxLearnedGap;
            learnedGaps.Add(gap);
            if (k == 0) figureSeries.Add(new("Airy optimum, R = 32", RingCentres(optimal.Length), optimal));
            figureSeries.Add(new($"learned f, seed {suite.BiasFree.Seeds[k]}", RingCentres(learned.Length), learned, Markers: true));
        }
        var figure = Figures.Lines(Path.Combine(context.FigureDirectory, "fig12_learned_profile.png"),
            "Fig. 12: profile learned without biases vs the optimum of Prop. 2", "radius t (pixels)", "f(t)", figureSeries.ToArray(), ScottPlot.Alignment.UpperRight);
        return (held, metrics,
            $"theory: numerical optimum (n = {GridPoints}) vs Airy closed form max gap {gaps.Max():0.00e+0} (< {Tolerance:0e+0}), x₀ = {OptimalProfile.FirstZero():0.000000}; " +
            $"learned f vs optimum (R = 32): max gap {learnedGaps.Min():0.000}–{learnedGaps.Max():0.000} over {learnedGaps.Count} seed(s) (< {MaxLearnedGap})",
            [figure]);
    }
}
