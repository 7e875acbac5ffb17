using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;

namespace Autoencoders.Experiments;

/// <summary>
/// How one model trained with a hole in its radii treats the hole (Sec. 4.4, Figs. 6–8): reconstruction error inside
/// and beside it, how smoothly the encoder's code crosses it, and what the decoder draws for the codes in between.
/// Every window is the <see cref="Hole"/>'s.
/// </summary>
public sealed record HoleCode
{
    const int SweepSteps = 48;

    public required double ErrorInHole { get; init; }
    public required double ErrorNearHole { get; init; }
    /// <summary>Largest distance of the code inside the hole from a quadratic in r fitted beside it, over the code's span there.</summary>
    public required double CodeDeviation { get; init; }
    /// <summary>The code normalised by its values at the two anchors (0 below the hole, 1 above), at each test radius inside the hole.</summary>
    public required double[] NormalisedCodeInHole { get; init; }
    /// <summary>Radii recovered from decoding a linear sweep of z between the two anchors' codes.</summary>
    public required double[] SweepRadii { get; init; }
    /// <summary>Largest distance to a disk (<see cref="DiskMeasures.DiskMismatch"/>) along that sweep.</summary>
    public required double SweepDiskMismatch { get; init; }

    /// <summary>Whether the decoded sweep's radius grows monotonically (up to 0.05 px).</summary>
    public bool SweepMonotone => Fits.IsMonotone(SweepRadii, 0.05);

    public double ErrorRatio => ErrorInHole / ErrorNearHole;

    /// <summary>Measures model <paramref name="k"/> of <paramref name="model"/>, given its evaluation on the test sweep.</summary>
    public static HoleCode Of(Autoencoder model, int k, DiskEvaluation e, Hole hole, ExactRenderer renderer)
    {
        if (e.Codes.Any(z => !double.IsFinite(z)) || e.Outputs.Any(y => y.Any(v => !float.IsFinite(v))))
            return Diverged; // a run that diverged (λ sweeps keep going past it): it fails every measure
        var fit = Enumerable.Range(0, e.Radii.Length).Where(i => hole.FitBelow.Contains(e.Radii[i]) || hole.FitAbove.Contains(e.Radii[i])).ToArray();
        var smooth = MathNet.Numerics.Fit.PolynomialFunc(fit.Select(i => e.Radii[i]).ToArray(), fit.Select(i => e.Codes[i]).ToArray(), 2);
        double span = fit.Max(i => e.Codes[i]) - fit.Min(i => e.Codes[i]);
        var inGap = Enumerable.Range(0, e.Radii.Length).Where(i => hole.Excludes(e.Radii[i])).ToArray();
        double deviation = span > 0 ? inGap.Max(i => Math.Abs(e.Codes[i] - smooth(e.Radii[i]))) / span : double.PositiveInfinity;

        var (z0, z1) = Anchors(e, hole);
        var all = Normalised(e, hole);
        var images = DiskEvaluation.Decode(model, k, Enumerable.Range(0, SweepSteps).Select(i => z0 + (z1 - z0) * i / (SweepSteps - 1)).ToArray());
        return new HoleCode
        {
            ErrorInHole = InHoleError(e, hole),
            ErrorNearHole = NearHoleError(e, hole),
            CodeDeviation = deviation,
            NormalisedCodeInHole = hole.Inside.IndicesIn(e.Radii).Select(i => all[i]).ToArray(),
            // Sizes and distances in the trained family (disks, or B1's shapes).
            SweepRadii = images.Select(e.Family.SizeFromMass).ToArray(),
            SweepDiskMismatch = images.Max(img => DiskMeasures.DiskMismatch(img, renderer, e.Family)),
        };
    }

    /// <summary>Mean relative error over the test radii inside the hole.</summary>
    public static double InHoleError(DiskEvaluation e, Hole hole) => e.MeanRelativeError(hole.Inside);

    /// <summary>Mean relative error beside the hole: the average of the windows below and above it.</summary>
    public static double NearHoleError(DiskEvaluation e, Hole hole) => (e.MeanRelativeError(hole.Below) + e.MeanRelativeError(hole.Above)) / 2;

    /// <summary>The measures of a diverged run: infinite errors and deviation, no sweep.</summary>
    public static HoleCode Diverged { get; } = new()
    {
        ErrorInHole = double.PositiveInfinity, ErrorNearHole = double.PositiveInfinity, CodeDeviation = double.PositiveInfinity,
        NormalisedCodeInHole = [], SweepRadii = [], SweepDiskMismatch = double.PositiveInfinity,
    };

    /// <summary>The codes of the test radii nearest to the hole's two anchors.</summary>
    public static (double Below, double Above) Anchors(DiskEvaluation e, Hole hole)
    {
        int Nearest(double r) => Enumerable.Range(0, e.Radii.Length).MinBy(i => Math.Abs(e.Radii[i] - r));
        return (e.Codes[Nearest(hole.AnchorBelow)], e.Codes[Nearest(hole.AnchorAbove)]);
    }

    /// <summary>Every test code mapped affinely so the anchors sit at 0 and 1 (NaN when the code is constant).</summary>
    public static double[] Normalised(DiskEvaluation e, Hole hole)
    {
        var (z0, z1) = Anchors(e, hole);
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
