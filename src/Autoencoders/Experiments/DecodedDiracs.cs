using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using Autoencoders.Training;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>
/// One trained position decoder (Sec. 5.4) on a sweep of target positions: the decoded signals, where they peak,
/// and how they compare with the triangular Dirac of Eq. 19 at the target.
/// </summary>
public sealed record DecodedDiracs(double[] Positions, float[][] Outputs)
{
    double[]? peaks, peakErrors;

    /// <summary>Sub-pixel peak position of each output (<see cref="Analysis.Peaks.Position"/>).</summary>
    public double[] Peaks => peaks ??= Outputs.Select(y => Analysis.Peaks.Position(y)).ToArray();

    /// <summary>|peak − target| per position, in samples (pixels).</summary>
    public double[] PeakErrors => peakErrors ??= Peaks.Select((p, i) => Math.Abs(p - Positions[i])).ToArray();

    /// <summary>Share of the positions whose decoded peak lands within a pixel of the target.</summary>
    public double WithinPixelShare => PeakErrors.Count(e => e <= 1) / (double)Positions.Length;

    /// <summary>The test sweep of P4 and P5: a = 0.5, 0.75, …, 62.5 (quarter pixels, never the continuous training grid).</summary>
    public static readonly double[] QuarterPixelSweep = Enumerable.Range(0, 249).Select(i => 0.5 + 0.25 * i).ToArray();

    /// <summary>Share of consecutive sweep positions (increasing targets) at which the decoded peak moves forward.</summary>
    public double ForwardShare => Enumerable.Range(1, Peaks.Length - 1).Count(i => Peaks[i] > Peaks[i - 1]) / (double)(Peaks.Length - 1);

    /// <summary>The measures restricted to the positions selected by <paramref name="keep"/> (e.g. integers only).</summary>
    public DecodedDiracs Where(Func<double, bool> keep)
    {
        var idx = Enumerable.Range(0, Positions.Length).Where(i => keep(Positions[i])).ToArray();
        return new DecodedDiracs(idx.Select(i => Positions[i]).ToArray(), idx.Select(i => Outputs[i]).ToArray());
    }

    /// <summary>Decodes the codes of <paramref name="positions"/> with each of the K stacked decoders: one result per model.</summary>
    public static DecodedDiracs[] Of(ConvStack decoder, double[] positions, int n = PositionExperiment.SignalLength)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var z = tensor(positions.Select(a => (float)PositionExperiment.Code(a, n)).ToArray(), [positions.Length, 1, 1]).to(TorchRuntime.Device);
        var y = RegressionObjective.Apply(decoder, z).cpu(); // [B, K, 1, n]
        return Enumerable.Range(0, decoder.Models).Select(k => new DecodedDiracs(positions,
            Enumerable.Range(0, positions.Length).Select(i => y[i, k, 0].data<float>().ToArray()).ToArray())).ToArray();
    }
}
