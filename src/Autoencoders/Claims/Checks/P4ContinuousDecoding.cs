using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// P4 (Sec. 5.4, Fig. 10): a decoder trained on triangular Diracs at continuous positions decodes a sweep of z into
/// single peaks that move monotonically and land within a pixel of the target. P5: trained on one-hots at integer
/// positions instead, decoding is worse, especially between integers.
/// </summary>
public static class PositionDecoding
{
    public const int Seeds = 3;
    public static int Steps(Tier tier) => tier == Tier.Default ? 1500 : 5000;

    /// <summary>Decoding quality of one model over test positions a.</summary>
    public sealed record Quality(double MaxPeakError, double MeanPeakError, bool Monotone, double WorstSecondPeak, double ErrorAtIntegers, double ErrorBetween);

    /// <summary>Sub-pixel peak position: argmax refined by a parabola through its neighbours.</summary>
    public static double Peak(float[] y)
    {
        int i = Array.IndexOf(y, y.Max());
        if (i == 0 || i == y.Length - 1) return i;
        double l = y[i - 1], c = y[i], r = y[i + 1], d = l - 2 * c + r;
        return d == 0 ? i : i + 0.5 * (l - r) / d;
    }

    /// <summary>Height of the highest local maximum other than the global one, relative to it.</summary>
    public static double SecondPeak(float[] y)
    {
        int top = Array.IndexOf(y, y.Max());
        double second = 0;
        for (int i = 1; i < y.Length - 1; i++)
            if (Math.Abs(i - top) > 2 && y[i] >= y[i - 1] && y[i] >= y[i + 1]) second = Math.Max(second, y[i]);
        return y[top] <= 0 ? 1 : second / y[top];
    }

    public static Quality Measure(Models.ConvStack net, int k)
    {
        var between = Enumerable.Range(0, 61).Select(i => 1.5 + i).ToArray();   // half-integers 1.5 … 61.5
        var integers = Enumerable.Range(1, 62).Select(i => (double)i).ToArray();
        var sweep = Enumerable.Range(0, 245).Select(i => 1 + i * 0.25).ToArray();
        var ys = PositionExperiment.Decode(net, k, sweep);
        var peaks = ys.Select(Peak).ToArray();
        var errors = peaks.Zip(sweep, (p, a) => Math.Abs(p - a)).ToArray();
        double Err(double[] at) => PositionExperiment.Decode(net, k, at).Select((y, i) =>
        {
            var t = Diracs.Triangular(PositionExperiment.SignalLength, at[i]);
            return Math.Sqrt(y.Zip(t, (u, v) => (double)(u - v) * (u - v)).Sum() / t.Sum(v => (double)v * v));
        }).Average();
        return new Quality(errors.Max(), errors.Average(), Analysis.Fits.IsMonotone(peaks, 0.05), ys.Max(SecondPeak), Err(integers), Err(between));
    }

    static readonly Dictionary<(bool, Tier, int), (Models.ConvStack Net, Training.TrainingResult Result)> Trained = new();

    /// <summary>The decoders of a tier, trained once per process.</summary>
    public static (Models.ConvStack Net, Training.TrainingResult Result) Decoders(bool continuous, ClaimContext context)
    {
        lock (Trained)
        {
            var key = (continuous, context.Tier, context.Seed);
            if (!Trained.TryGetValue(key, out var value))
                Trained[key] = value = PositionExperiment.TrainDecoder(continuous, Enumerable.Range(context.Seed + 1, Seeds).ToArray(), Steps(context.Tier));
            return value;
        }
    }

    public static string Figure(ClaimContext context, Models.ConvStack net, string name, string title)
    {
        var positions = new[] { 5.0, 12.25, 20.5, 31.75, 40, 47.5, 55.25 };
        var ys = PositionExperiment.Decode(net, 0, positions);
        var t = Enumerable.Range(0, PositionExperiment.SignalLength).Select(i => (double)i).ToArray();
        var series = positions.Select((a, i) => new Figures.Series($"a = {a}", t, ys[i].Select(v => (double)v).ToArray())).ToArray();
        return Figures.Lines(Path.Combine(context.FigureDirectory, name), title, "t", "decoded y(t)", series, ScottPlot.Alignment.UpperRight);
    }
}

public sealed class P4ContinuousDecoding : ClaimCheck
{
    public override string Id => "P4";
    public const double MaxPeakError = 1, MaxSecondPeak = 0.5;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var (net, _) = PositionDecoding.Decoders(continuous: true, context);
        var metrics = new Dictionary<string, double>();
        bool held = true;
        var quality = Enumerable.Range(0, PositionDecoding.Seeds).Select(k => PositionDecoding.Measure(net, k)).ToArray();
        for (int k = 0; k < quality.Length; k++)
        {
            var q = quality[k];
            metrics[$"max_peak_error[seed{context.Seed + 1 + k}]"] = q.MaxPeakError;
            metrics[$"second_peak[seed{context.Seed + 1 + k}]"] = q.WorstSecondPeak;
            metrics[$"monotone[seed{context.Seed + 1 + k}]"] = q.Monotone ? 1 : 0;
            held &= q.MaxPeakError <= MaxPeakError && q.Monotone && q.WorstSecondPeak <= MaxSecondPeak;
        }
        var figure = PositionDecoding.Figure(context, net, "fig10_decoded_diracs.png", "Fig. 10: decoded positions, continuous training (Eq. 19)");
        return (held, metrics,
            $"continuous training: worst peak error {quality.Min(q => q.MaxPeakError):0.00}–{quality.Max(q => q.MaxPeakError):0.00} px (≤ {MaxPeakError}), monotone in {quality.Count(q => q.Monotone)}/{quality.Length}, " +
            $"worst second peak {quality.Max(q => q.WorstSecondPeak):0.00} (≤ {MaxSecondPeak})", [figure]);
    }
}

public sealed class P5DiscreteDecoding : ClaimCheck
{
    public override string Id => "P5";
    public const double MinRatio = 1.5;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var (continuous, _) = PositionDecoding.Decoders(continuous: true, context);
        var (discrete, _) = PositionDecoding.Decoders(continuous: false, context);
        var metrics = new Dictionary<string, double>();
        int worse = 0;
        for (int k = 0; k < PositionDecoding.Seeds; k++)
        {
            var c = PositionDecoding.Measure(continuous, k);
            var d = PositionDecoding.Measure(discrete, k);
            string s = $"[seed{context.Seed + 1 + k}]";
            metrics["between_error_discrete" + s] = d.ErrorBetween;
            metrics["between_error_continuous" + s] = c.ErrorBetween;
            metrics["integer_error_discrete" + s] = d.ErrorAtIntegers;
            metrics["integer_error_continuous" + s] = c.ErrorAtIntegers;
            metrics["max_peak_error_discrete" + s] = d.MaxPeakError;
            if (d.ErrorBetween >= MinRatio * c.ErrorBetween) worse++;
        }
        var figure = PositionDecoding.Figure(context, discrete, "fig10_decoded_diracs_discrete.png", "P5: decoded positions, one-hot training at integers only");
        return (worse == PositionDecoding.Seeds, metrics,
            $"error between integers, discrete vs continuous training: {worse}/{PositionDecoding.Seeds} seeds at least {MinRatio}× worse (" +
            string.Join(", ", Enumerable.Range(0, PositionDecoding.Seeds).Select(k => $"{metrics[$"between_error_discrete[seed{context.Seed + 1 + k}]"]:0.00} vs {metrics[$"between_error_continuous[seed{context.Seed + 1 + k}]"]:0.00}")) + ")", [figure]);
    }
}
