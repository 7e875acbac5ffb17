using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;

namespace Autoencoders.Experiments;

/// <summary>
/// How one model trained with the (11, 18) hole treats the hole (Sec. 4.4, Figs. 6–8): reconstruction error inside
/// and beside it, how smoothly the encoder's code crosses it, and what the decoder draws for the codes in between.
/// </summary>
public sealed record HoleCode
{
    /// <summary>Test radii in the hole, and beside it on either side (similar sizes, so similar difficulty).</summary>
    public const double HoleFrom = 12, HoleTo = 17, BelowFrom = 7, BelowTo = 10, AboveFrom = 19, AboveTo = 22;
    /// <summary>The smooth reference for the code is fitted on these radii, outside the hole on both sides.</summary>
    public const double FitBelowFrom = 6, FitAboveTo = 23;
    /// <summary>Radii whose codes anchor the decoded sweep and the normalised code (outside the hole, one per side).</summary>
    public const double AnchorBelow = 8, AnchorAbove = 21;
    const int SweepSteps = 48;

    public required double ErrorInHole { get; init; }
    public required double ErrorNearHole { get; init; }
    /// <summary>Largest distance of the code inside the hole from a quadratic in r fitted beside it, over the code's span there.</summary>
    public required double CodeDeviation { get; init; }
    /// <summary>The code normalised by its values at the two anchors (0 at r = 8, 1 at r = 21), at each hole test radius.</summary>
    public required double[] NormalisedCodeInHole { get; init; }
    /// <summary>Radii recovered from decoding a linear sweep of z between the two anchors' codes.</summary>
    public required double[] SweepRadii { get; init; }
    /// <summary>Largest distance to a disk (<see cref="DiskMeasures.DiskMismatch"/>) along that sweep.</summary>
    public required double SweepDiskMismatch { get; init; }

    /// <summary>Whether the decoded sweep's radius grows monotonically (up to 0.05 px).</summary>
    public bool SweepMonotone => Fits.IsMonotone(SweepRadii, 0.05);

    public double ErrorRatio => ErrorInHole / ErrorNearHole;

    /// <summary>Measures model <paramref name="k"/> of <paramref name="model"/>, given its evaluation on the test sweep.</summary>
    public static HoleCode Of(Autoencoder model, int k, DiskEvaluation e, ExactRenderer renderer)
    {
        if (e.Codes.Any(z => !double.IsFinite(z)) || e.Outputs.Any(y => y.Any(v => !float.IsFinite(v))))
            return Diverged; // a run that diverged (λ sweeps keep going past it): it fails every measure
        int[] Where(Func<double, bool> keep) => Enumerable.Range(0, e.Radii.Length).Where(i => keep(e.Radii[i])).ToArray();
        var fit = Where(r => (r >= FitBelowFrom && r <= DiskSuite.HoleLow) || (r >= DiskSuite.HoleHigh && r <= FitAboveTo));
        var p = MathNet.Numerics.Fit.Polynomial(fit.Select(i => e.Radii[i]).ToArray(), fit.Select(i => e.Codes[i]).ToArray(), 2);
        double span = fit.Max(i => e.Codes[i]) - fit.Min(i => e.Codes[i]);
        var hole = Where(r => r > DiskSuite.HoleLow && r < DiskSuite.HoleHigh);
        double deviation = span > 0 ? hole.Max(i => Math.Abs(e.Codes[i] - (p[0] + p[1] * e.Radii[i] + p[2] * e.Radii[i] * e.Radii[i]))) / span : double.PositiveInfinity;

        var (z0, z1) = Anchors(e);
        var all = Normalised(e);
        var normalised = Where(r => r >= HoleFrom && r <= HoleTo).Select(i => all[i]).ToArray();

        var images = DiskEvaluation.Decode(model, k, Enumerable.Range(0, SweepSteps).Select(i => z0 + (z1 - z0) * i / (SweepSteps - 1)).ToArray());
        return new HoleCode
        {
            ErrorInHole = InHoleError(e),
            ErrorNearHole = NearHoleError(e),
            CodeDeviation = deviation,
            NormalisedCodeInHole = normalised,
            SweepRadii = images.Select(DiskMeasures.RadiusFromArea).ToArray(),
            SweepDiskMismatch = images.Max(img => DiskMeasures.DiskMismatch(img, renderer)),
        };
    }

    /// <summary>Mean relative error over the hole's test radii, 12–17.</summary>
    public static double InHoleError(DiskEvaluation e) => e.MeanRelativeError(HoleFrom, HoleTo);

    /// <summary>Mean relative error beside the hole: the average of 7–10 and 19–22.</summary>
    public static double NearHoleError(DiskEvaluation e) => (e.MeanRelativeError(BelowFrom, BelowTo) + e.MeanRelativeError(AboveFrom, AboveTo)) / 2;

    /// <summary>The measures of a diverged run: infinite errors and deviation, no sweep.</summary>
    public static HoleCode Diverged { get; } = new()
    {
        ErrorInHole = double.PositiveInfinity, ErrorNearHole = double.PositiveInfinity, CodeDeviation = double.PositiveInfinity,
        NormalisedCodeInHole = [], SweepRadii = [], SweepDiskMismatch = double.PositiveInfinity,
    };

    /// <summary>The codes of the test radii nearest to the two anchors.</summary>
    public static (double Below, double Above) Anchors(DiskEvaluation e)
    {
        int Nearest(double r) => Enumerable.Range(0, e.Radii.Length).MinBy(i => Math.Abs(e.Radii[i] - r));
        return (e.Codes[Nearest(AnchorBelow)], e.Codes[Nearest(AnchorAbove)]);
    }

    /// <summary>Every test code mapped affinely so the anchors sit at 0 and 1 (NaN when the code is constant).</summary>
    public static double[] Normalised(DiskEvaluation e)
    {
        var (z0, z1) = Anchors(e);
        return e.Codes.Select(z => z1 != z0 ? (z - z0) / (z1 - z0) : double.NaN).ToArray();
    }

    /// <summary>
    /// Spread of the hole's normalised codes across runs: at each hole test radius the standard deviation over runs,
    /// then the mean over radii (0 when every run crosses the hole the same way, whatever its code's scale and sign).
    /// </summary>
    public static double Spread(IReadOnlyList<HoleCode> runs)
    {
        if (runs.Count < 2) throw new ArgumentException($"the spread across runs needs at least two runs, got {runs.Count}");
        int n = runs[0].NormalisedCodeInHole.Length;
        return Enumerable.Range(0, n).Average(j => MathNet.Numerics.Statistics.Statistics.StandardDeviation(runs.Select(h => h.NormalisedCodeInHole[j])));
    }
}
