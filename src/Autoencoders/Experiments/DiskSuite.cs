using System.Collections.Concurrent;
using Autoencoders.Claims;
using Autoencoders.Data;
using Autoencoders.Models;

namespace Autoencoders.Experiments;

/// <summary>
/// The trained disk autoencoders that claims D2–D9 share, per tier: the full network, the bias-free one, and the one
/// with a bias-free encoder (D5), each with the tier's seeds and steps (spec/settings.md). Built once per process
/// and tier; the models themselves come from the on-disk cache.
/// </summary>
public sealed class DiskSuite
{
    public required DiskExperiment Full { get; init; }
    public required DiskExperiment BiasFree { get; init; }
    public required DiskExperiment BiasFreeEncoder { get; init; }
    /// <summary>Trained on r ≤ 18 only (D10).</summary>
    public required DiskExperiment Restricted { get; init; }
    /// <summary>The same without biases (D10, App. C: the support of f).</summary>
    public required DiskExperiment RestrictedBiasFree { get; init; }
    /// <summary>Trained without radii in (11, 18) (D11).</summary>
    public required DiskExperiment Hole { get; init; }

    /// <summary>The largest training radius of D10 and the hole of D11 (Sec. 4.4).</summary>
    public const double RestrictedRadius = 18, HoleLow = 11, HoleHigh = 18;

    /// <summary>Seeds and steps per tier. Default: one seed and a short run; Experiment/Gpu: three seeds, paper scale.</summary>
    public static DiskSuite For(Tier tier, int baseSeed = 0) => For(new ClaimContext(tier, baseSeed, ""));

    /// <summary>The suite for a context: its tier and seed, and B3's variations (σ, training length).</summary>
    public static DiskSuite For(ClaimContext context)
    {
        bool small = context.Tier == Tier.Default;
        int baseSeed = context.Seed;
        int Scaled(int steps) => (int)Math.Round(steps * context.StepScale);
        int[] seeds = small ? [baseSeed + 1] : [baseSeed + 1, baseSeed + 2, baseSeed + 3];
        var full = new DiskExperiment { Seeds = seeds, Sigma = context.Sigma, Steps = Scaled(small ? DefaultSteps : ExperimentSteps) };
        return new DiskSuite
        {
            Full = full,
            BiasFree = full with { Config = AutoencoderConfig.Disk(false, false), Steps = Scaled(small ? DefaultBiasFreeSteps : ExperimentBiasFreeSteps) },
            BiasFreeEncoder = full with { Config = AutoencoderConfig.Disk(false, true) },
            Restricted = full with { Range = RadiusRange.Uniform(0, RestrictedRadius), Steps = Scaled(small ? DefaultGeneralisationSteps : ExperimentSteps), BatchSize = small ? DefaultGeneralisationBatch : 300 },
            RestrictedBiasFree = full with { Config = AutoencoderConfig.Disk(false, false), Range = RadiusRange.Uniform(0, RestrictedRadius), Steps = Scaled(small ? DefaultBiasFreeSteps : ExperimentBiasFreeSteps) },
            Hole = full with { Range = RadiusRange.WithHole(ImageGrid.Paper, HoleLow, HoleHigh), Steps = Scaled(small ? DefaultGeneralisationSteps : ExperimentSteps), BatchSize = small ? DefaultGeneralisationBatch : 300 },
        };
    }

    /// <summary>
    /// The default tier's D10/D11 runs use batches of 100 for 3 000 steps: three times the steps of the same wall time
    /// at batch 300, enough to leave the blurred-average plateau (1 000 steps at batch 300 do not).
    /// </summary>
    public const int DefaultGeneralisationSteps = 3000, DefaultGeneralisationBatch = 100;
    public const int DefaultSteps = 1500, ExperimentSteps = 4000, DefaultBiasFreeSteps = 800, ExperimentBiasFreeSteps = 2000;

    static readonly ConcurrentDictionary<string, Lazy<Autoencoder>> Models = new();
    static readonly ConcurrentDictionary<string, Lazy<DiskEvaluation[]>> Evaluations = new();

    /// <summary>The trained models of an experiment (trained or loaded once per process).</summary>
    public static Autoencoder Model(DiskExperiment e, Action<string>? log = null) =>
        Models.GetOrAdd(e.Describe(), _ => new Lazy<Autoencoder>(() => e.Train(log))).Value;

    /// <summary>Each model of the experiment on 64 evenly spaced held-out radii over (0, 32).</summary>
    public static DiskEvaluation[] Evaluate(DiskExperiment e, Action<string>? log = null) =>
        Evaluations.GetOrAdd(e.Describe(), _ => new Lazy<DiskEvaluation[]>(() =>
        {
            using var test = e.TestSet();
            return DiskEvaluation.Of(Model(e, log), test);
        })).Value;
}
