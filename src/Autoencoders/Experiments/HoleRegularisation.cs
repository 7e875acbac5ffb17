using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Training;

namespace Autoencoders.Experiments;

/// <summary>
/// The regularised hole trainings of Sec. 4.4.1 (D12–D14): D11's training without radii in the hole, plus λψ for
/// ψ1, ψ2 or ψ3, over several seeds, and a λ sweep of ψ3. Every setting trains its seeds (or its λ values) as one
/// batch of K models. Budget: <see cref="RegulariserBudget"/> (spec/settings.md).
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

    public static readonly IReadOnlyList<Regulariser> Settings = [Regulariser.None, Regulariser.LatentLocality, Regulariser.AllWeights, Regulariser.EncoderWeights];

    /// <summary>The hole of these runs (D11's).</summary>
    public static Hole Hole => DiskSuite.HoleRange;

    /// <summary>D11's hole training (σ of the tier) with the given seeds, regulariser and budget.</summary>
    static DiskExperiment HoleRun(Budget budget, RegulariserBudget r, int[] seeds, Regulariser psi, double[] lambdas, ShapeKind shape = ShapeKind.Disk) =>
        DiskSuite.For(budget, shape).Hole with
        {
            Seeds = seeds,
            Steps = r.Steps,
            BatchSize = r.Batch,
            Regulariser = psi,
            Lambdas = psi == Regulariser.None ? null : lambdas,
        };

    static RegulariserBudget Of(Budget budget) =>
        budget.Regularisers ?? throw new InvalidOperationException($"the {budget.Tier.Name()} tier runs no regularised hole trainings");

    /// <summary>The seeds of every setting.</summary>
    public static int[] Seeds(Budget budget) => budget.Seeds(Of(budget).Seeds);

    /// <summary>One setting of D12: the tier's seeds, regulariser <paramref name="psi"/> at its λ (on another shape family for B1).</summary>
    public static DiskExperiment Setting(Budget budget, Regulariser psi, ShapeKind shape = ShapeKind.Disk)
    {
        var seeds = Seeds(budget);
        return HoleRun(budget, Of(budget), seeds, psi, seeds.Select(_ => Lambda(psi)).ToArray(), shape);
    }

    /// <summary>
    /// D13's seeds: as many as D12's, starting one after D12's first seed, because seed 1 was the pilot whose sweep set
    /// the λ values and the sweep's top (spec/claims.md, D13); the claim is judged on runs separate from it.
    /// </summary>
    public static int[] SweepSeeds(Budget budget) => budget.Seeds(Of(budget).Seeds + 1).Skip(1).ToArray();

    /// <summary>
    /// D13's sweep: ψ3 at every λ of the tier for each of <see cref="SweepSeeds"/>, model s·L + l for seed s and λ l;
    /// a diverging λ is recorded, not fatal.
    /// </summary>
    public static DiskExperiment Sweep(Budget budget)
    {
        var r = Of(budget);
        var seeds = SweepSeeds(budget);
        return HoleRun(budget, r, seeds.SelectMany(s => r.SweepLambdas.Select(_ => s)).ToArray(), Regulariser.EncoderWeights,
            seeds.SelectMany(_ => r.SweepLambdas).ToArray()) with { StopOnDivergence = false };
    }
}

/// <summary>Every model of <paramref name="Training"/> measured on <paramref name="Hole"/> (<see cref="HoleCode"/>).</summary>
public sealed record HoleCodes(DiskExperiment Training, Hole Hole) : IExperiment<HoleCode[]>
{
    public HoleCode[] Run(ExperimentStore store)
    {
        var model = store.Get(Training).Model;
        var evaluations = store.Get(new DiskEvaluations(Training));
        var renderer = new ExactRenderer(Training.Grid, Training.Sigma);
        return evaluations.Select((ev, k) => HoleCode.Of(model, k, ev, Hole, renderer)).ToArray();
    }
}
