using System.Collections.Concurrent;
using Autoencoders.Claims;
using Autoencoders.Data;
using Autoencoders.Training;

namespace Autoencoders.Experiments;

/// <summary>
/// The regularised hole trainings of Sec. 4.4.1 (D12–D14): D11's training without radii in (11, 18), plus λψ for
/// ψ1, ψ2 or ψ3, over several seeds, and a λ sweep of ψ3. Every setting trains its seeds (or its λ values) as one
/// batch of K models. Budget: see <see cref="Hole"/> and spec/settings.md.
/// </summary>
public static class HoleRegularisation
{
    /// <summary>
    /// λ per regulariser: the value of its pilot sweep (seed 1) with the lowest error in the hole; ψ2 shares ψ3's
    /// (no pilot of its own), so the two weight decays differ only in what they cover (spec/settings.md).
    /// </summary>
    public static double Lambda(Regulariser psi) => psi switch
    {
        Regulariser.None => 0,
        Regulariser.LatentLocality => 1e-5,
        Regulariser.AllWeights => 1,
        Regulariser.EncoderWeights => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(psi)),
    };

    public static readonly Regulariser[] Settings = [Regulariser.None, Regulariser.LatentLocality, Regulariser.AllWeights, Regulariser.EncoderWeights];

    /// <summary>The paper's names: ψ1 latent locality, ψ2 all weights, ψ3 encoder weights.</summary>
    public static string Name(Regulariser psi) => psi switch
    {
        Regulariser.None => "none",
        Regulariser.LatentLocality => "ψ1",
        Regulariser.AllWeights => "ψ2",
        Regulariser.EncoderWeights => "ψ3",
        _ => psi.ToString(),
    };

    /// <summary>A file-name form of <see cref="Name"/>.</summary>
    public static string FileName(Regulariser psi) => psi switch
    {
        Regulariser.None => "none",
        Regulariser.LatentLocality => "psi1",
        Regulariser.AllWeights => "psi2",
        Regulariser.EncoderWeights => "psi3",
        _ => psi.ToString(),
    };

    /// <summary>Seeds per setting: three at the Experiment tier, five (as Fig. 7) at the Gpu tier.</summary>
    public static int[] Seeds(ClaimContext context) =>
        context.Tier switch
        {
            Tier.Default => throw new ClaimSkippedException("the regulariser comparisons train 3–5 seeds per setting: Experiment tier and above"),
            Tier.Experiment => Enumerable.Range(context.Seed + 1, 3).ToArray(),
            _ => Enumerable.Range(context.Seed + 1, 5).ToArray(),
        };

    /// <summary>The λ values of ψ3's sweep (log-spaced, wide enough to reach failure).</summary>
    public static double[] SweepLambdas(ClaimContext context) =>
        context.Tier == Tier.Gpu ? [1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100] : [1e-3, 1e-2, 1e-1, 1, 10];

    /// <summary>
    /// D11's hole training (σ, step scale from the context) with the given seeds and regulariser: its default-tier
    /// budget at the Experiment tier (3 000 steps at batch 100, what a CPU affords for 12–17 models), its paper-scale
    /// budget at the Gpu tier (4 000 steps at batch 300), so the nightly run also says whether the budget decides.
    /// </summary>
    static DiskExperiment Hole(ClaimContext context, int[] seeds, Regulariser psi, double[] lambdas) =>
        DiskSuite.For(context with { Tier = context.Tier == Tier.Gpu ? Tier.Experiment : Tier.Default }).Hole with
        {
            Seeds = seeds,
            Regulariser = psi,
            Lambdas = psi == Regulariser.None ? null : lambdas,
        };

    /// <summary>One setting of D12: the tier's seeds, regulariser <paramref name="psi"/> at its λ.</summary>
    public static DiskExperiment Setting(ClaimContext context, Regulariser psi)
    {
        var seeds = Seeds(context);
        return Hole(context, seeds, psi, seeds.Select(_ => Lambda(psi)).ToArray());
    }

    /// <summary>D13's sweep: one seed, ψ3 at every λ of the tier.</summary>
    public static DiskExperiment Sweep(ClaimContext context)
    {
        var lambdas = SweepLambdas(context);
        return Hole(context, lambdas.Select(_ => Seeds(context)[0]).ToArray(), Regulariser.EncoderWeights, lambdas) with { StopOnDivergence = false };
    }

    static readonly ConcurrentDictionary<string, Lazy<HoleCode[]>> Measured = new();

    /// <summary>Every model of the experiment measured on the hole (trained or loaded once per process).</summary>
    public static HoleCode[] Measure(DiskExperiment e, Action<string>? log = null) =>
        Measured.GetOrAdd(e.Describe(), _ => new Lazy<HoleCode[]>(() =>
        {
            var model = DiskSuite.Model(e, log);
            var evaluations = DiskSuite.Evaluate(e, log);
            var renderer = new ExactRenderer(e.Grid, e.Sigma);
            return evaluations.Select((ev, k) => HoleCode.Of(model, k, ev, renderer)).ToArray();
        })).Value;
}
