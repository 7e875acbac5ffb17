using System.Collections.Concurrent;
using Autoencoders.Claims;
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

    /// <summary>Seeds and steps per tier. Default: one seed and a short run; Experiment/Gpu: three seeds, paper scale.</summary>
    public static DiskSuite For(Tier tier, int baseSeed = 0)
    {
        bool small = tier == Tier.Default;
        int[] seeds = small ? [baseSeed + 1] : [baseSeed + 1, baseSeed + 2, baseSeed + 3];
        var full = new DiskExperiment { Seeds = seeds, Steps = small ? DefaultSteps : ExperimentSteps };
        return new DiskSuite
        {
            Full = full,
            BiasFree = full with { Config = AutoencoderConfig.Disk(false, false), Steps = small ? DefaultBiasFreeSteps : ExperimentBiasFreeSteps },
            BiasFreeEncoder = full with { Config = AutoencoderConfig.Disk(false, true) },
        };
    }

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
