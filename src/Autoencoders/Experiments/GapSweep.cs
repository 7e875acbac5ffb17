using Autoencoders.Configuration;
using Autoencoders.Data;
using Autoencoders.Training;

namespace Autoencoders.Experiments;

/// <summary>One cell of B4's sweep: a gap in the training radii (centre, width) and a setting (unregularised or ψ3).</summary>
public sealed record GapCell(double Centre, double Width, Regulariser Psi)
{
    public Hole Gap => Hole.Around(Centre, Width);

    /// <summary>The same centre and setting with no gap: the network that saw every radius (B4's control).</summary>
    public GapCell NoGap => this with { Width = 0 };
}

/// <summary>
/// B4's sweep of gaps (<see cref="GapBudget"/>): for each centre, width and setting, D11's hole training with that gap
/// (width 0: the full range), the tier's seeds trained as one batch of K models. A cell at D11's gap is the same
/// training as D11's (default tier) or D12's (Experiment and Gpu tiers), so the store trains it once.
/// </summary>
public static class GapSweep
{
    /// <summary>The settings of the tier: unregularised, and ψ3 (encoder weights) at D12's λ when the budget says so.</summary>
    public static Regulariser[] Settings(Budget budget) =>
        budget.Gaps.WithPsi3 ? [Regulariser.None, Regulariser.EncoderWeights] : [Regulariser.None];

    /// <summary>Every cell of the tier, by setting, centre, then width.</summary>
    public static IEnumerable<GapCell> Cells(Budget budget) =>
        from psi in Settings(budget) from c in budget.Gaps.Centres from w in budget.Gaps.Widths select new GapCell(c, w, psi);

    public static int[] Seeds(Budget budget) => budget.Seeds(budget.Gaps.Seeds);

    /// <summary>The training of one cell.</summary>
    public static DiskExperiment Training(Budget budget, GapCell cell)
    {
        var g = budget.Gaps;
        var seeds = Seeds(budget);
        return DiskSuite.For(budget).Hole with
        {
            Range = cell.Width == 0 ? null : cell.Gap.TrainingRange(ImageGrid.Paper),
            Seeds = seeds,
            Steps = g.Steps,
            BatchSize = g.Batch,
            Regulariser = cell.Psi,
            Lambdas = cell.Psi == Regulariser.None ? null : seeds.Select(_ => HoleRegularisation.Lambda(cell.Psi)).ToArray(),
        };
    }
}
