using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>One trained model on a set of test disks: codes, outputs and errors, per test disk.</summary>
public sealed record DiskEvaluation(double[] Radii, double[] Codes, float[][] Inputs, float[][] Outputs, ImageGrid Grid)
{
    // Derived per-disk measures, computed on first use and kept: claims index them inside loops.
    double[]? relativeErrors, squaredErrors, recoveredRadii;
    double[][]? outputProfiles;

    public double[] RelativeErrors => relativeErrors ??= Outputs.Select((y, i) => DiskMeasures.RelativeError(y, Inputs[i])).ToArray();
    public double[] SquaredErrors => squaredErrors ??= Outputs.Select((y, i) => DiskMeasures.SquaredError(y, Inputs[i])).ToArray();
    public double[] RecoveredRadii => recoveredRadii ??= Outputs.Select(DiskMeasures.RadiusFromArea).ToArray();
    public double[][] OutputProfiles => outputProfiles ??= Outputs.Select(y => DiskMeasures.RadialProfile(y, Grid)).ToArray();

    /// <summary>Mean relative error over the test radii in [lo, hi].</summary>
    public double MeanRelativeError(double lo, double hi)
    {
        var idx = Enumerable.Range(0, Radii.Length).Where(i => Radii[i] >= lo && Radii[i] <= hi).ToArray();
        return idx.Average(i => RelativeErrors[i]);
    }

    /// <summary>Encodes and decodes <paramref name="test"/> with each of the K models; returns one evaluation per model.</summary>
    public static DiskEvaluation[] Of(Autoencoder model, ShapeDataset test)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int k = model.Models, n = test.Count;
        var x = test.Images.unsqueeze(1).expand(n, k, test.Grid.Size, test.Grid.Size).contiguous().to(TorchRuntime.Device);
        var z = model.Encode(x).cpu();
        var y = model.Decode(z.to(TorchRuntime.Device)).cpu();
        var inputs = Enumerable.Range(0, n).Select(i => test.Images[i].flatten().data<float>().ToArray()).ToArray();
        return Enumerable.Range(0, k).Select(m => new DiskEvaluation(
            test.Parameters,
            Enumerable.Range(0, n).Select(i => (double)z[i, m].item<float>()).ToArray(),
            inputs,
            Enumerable.Range(0, n).Select(i => y[i, m].flatten().data<float>().ToArray()).ToArray(),
            test.Grid)).ToArray();
    }

    /// <summary>Decodes the given codes with model <paramref name="modelIndex"/>: one image per code.</summary>
    public static float[][] Decode(Autoencoder model, int modelIndex, double[] codes)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var z = zeros(codes.Length, model.Models);
        for (int i = 0; i < codes.Length; i++) z[i, modelIndex] = tensor((float)codes[i]);
        var y = model.Decode(z.to(TorchRuntime.Device)).cpu();
        return Enumerable.Range(0, codes.Length).Select(i => y[i, modelIndex].flatten().data<float>().ToArray()).ToArray();
    }
}
