using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Models;
using Autoencoders.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Experiments;

/// <summary>How well a model reconstructs its test disks (D2).</summary>
public sealed record Reconstruction(double RelativeError, double RadiusError);

/// <summary>One trained model on a set of test disks: codes, outputs and errors, per test disk.</summary>
/// <remarks>For another shape family (B1) "radius" reads "size" and the radial profile is the profile along the family's gauge.</remarks>
public sealed record DiskEvaluation(double[] Radii, double[] Codes, float[][] Inputs, float[][] Outputs, ImageGrid Grid)
{
    public ShapeFamily Family { get; init; } = ShapeFamily.Disks;

    // Derived per-disk measures, computed on first use and kept: claims index them inside loops.
    double[]? relativeErrors, squaredErrors, recoveredRadii;
    double[][]? outputProfiles;

    public double[] RelativeErrors => relativeErrors ??= Outputs.Select((y, i) => DiskMeasures.RelativeError(y, Inputs[i])).ToArray();
    public double[] SquaredErrors => squaredErrors ??= Outputs.Select((y, i) => DiskMeasures.SquaredError(y, Inputs[i])).ToArray();
    public double[] RecoveredRadii => recoveredRadii ??= Outputs.Select(Family.SizeFromMass).ToArray();
    public double[][] OutputProfiles => outputProfiles ??= Outputs.Select(y => Family.Profile(y, Grid)).ToArray();

    /// <summary>Mean relative error over the test radii in the window.</summary>
    public double MeanRelativeError(RadiusWindow window) => window.IndicesIn(Radii).Average(i => RelativeErrors[i]);

    /// <summary>
    /// Aggregate relative error Σ‖y − x‖² / Σ‖x‖² over all test disks, and the worst gap between the radius read off
    /// the output and the one read off the input (both by mass, so the image border treats them alike) for r ≥ minRadius.
    /// </summary>
    public Reconstruction Reconstruction(double minRadius = 0)
    {
        double err = SquaredErrors.Sum(), norm = Inputs.Sum(x => x.Sum(v => (double)v * v));
        var idx = Enumerable.Range(0, Radii.Length).Where(i => Radii[i] >= minRadius).ToArray();
        return new(err / norm, idx.Max(i => Math.Abs(RecoveredRadii[i] - Family.SizeFromMass(Inputs[i]))));
    }

    /// <summary>
    /// Whether this model trained (<see cref="Analysis.Trainability"/>), judged on the test disks whose radii it was
    /// trained on; <paramref name="biasFree"/> networks are measured above the rank-one floor their architecture sets.
    /// </summary>
    public Trainability Trainability(RadiusRange trainedOn, bool biasFree)
    {
        var idx = Enumerable.Range(0, Radii.Length).Where(i => trainedOn.Contains(Radii[i])).ToArray();
        var targets = idx.Select(i => Inputs[i]).ToArray();
        return Analysis.Trainability.Of(idx.Select(i => Outputs[i]).ToArray(), targets, biasFree ? Analysis.Trainability.RankOneFloor(targets) : 0);
    }

    /// <summary>The learned radial profile f of these outputs (<see cref="RadialProfiles.Learned"/>).</summary>
    public double[] LearnedProfile => RadialProfiles.Learned(OutputProfiles);

    /// <summary>Encodes and decodes <paramref name="test"/> with each of the K models; returns one evaluation per model.</summary>
    public static DiskEvaluation[] Of(Autoencoder model, ShapeDataset test, ShapeFamily? family = null)
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
            test.Grid) { Family = family ?? ShapeFamily.Disks }).ToArray();
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
