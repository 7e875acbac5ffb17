using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Models;

namespace Autoencoders.Experiments;

/// <summary>
/// The disk autoencoders that claims D2–D11 share, as configurations built from a tier's <see cref="DiskBudget"/>:
/// the full network, the bias-free one, the one with a bias-free encoder (D5), and the generalisation runs (D10, D11).
/// </summary>
public sealed record DiskSuite
{
    public required DiskExperiment Full { get; init; }
    public required DiskExperiment BiasFree { get; init; }
    public required DiskExperiment BiasFreeEncoder { get; init; }
    /// <summary>Trained on r ≤ <see cref="RestrictedRadius"/> only (D10).</summary>
    public required DiskExperiment Restricted { get; init; }
    /// <summary>The same without biases (D10, App. C: the support of f).</summary>
    public required DiskExperiment RestrictedBiasFree { get; init; }
    /// <summary>Trained without radii in <see cref="Hole"/> (D11).</summary>
    public required DiskExperiment Hole { get; init; }

    /// <summary>The largest training radius of D10 (Sec. 4.4).</summary>
    public const double RestrictedRadius = 18;
    /// <summary>D11's hole (Sec. 4.4).</summary>
    public static Hole HoleRange => Data.Hole.Paper;

    public int[] Seeds => Full.Seeds;

    /// <summary>The suite of a budget, on the paper's disks or (B1) on another shape family with the same budgets.</summary>
    public static DiskSuite For(Budget budget, ShapeKind shape = ShapeKind.Disk)
    {
        var b = budget.Disks;
        // The training disks are drawn with seed BaseSeed + 1 (1 by default): `verify --seed N` gives fresh data as well
        // as fresh initialisations and batch orders.
        var full = new DiskExperiment { Shape = shape, Seeds = budget.Seeds(b.Seeds), Sigma = b.Sigma, Steps = b.Steps, DataSeed = budget.BaseSeed + 1, TrainCount = b.TrainCount };
        var generalisation = full with { Steps = b.GeneralisationSteps, BatchSize = b.GeneralisationBatch };
        return new DiskSuite
        {
            Full = full,
            BiasFree = full with { Config = AutoencoderConfig.Disk(false, false), Steps = b.BiasFreeSteps },
            BiasFreeEncoder = full with { Config = AutoencoderConfig.Disk(false, true) },
            Restricted = generalisation with { Range = RadiusRange.Uniform(0, RestrictedRadius) },
            RestrictedBiasFree = full with { Config = AutoencoderConfig.Disk(false, false), Range = RadiusRange.Uniform(0, RestrictedRadius), Steps = b.BiasFreeSteps },
            Hole = generalisation with { Range = HoleRange.TrainingRange(ImageGrid.Paper) },
        };
    }
}
