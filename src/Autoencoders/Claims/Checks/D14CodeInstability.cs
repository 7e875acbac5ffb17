using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Training;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D14 (Fig. 7): over repeated unregularised hole trainings the code across the hole varies much more between runs
/// than over ψ3 runs. Uses D12's runs (3 seeds at the Experiment tier, 5 at the Gpu tier); each run's code is
/// normalised by its values at the hole's anchors (r = 8 and r = 21) so scale and sign, which any run may choose, do not count.
/// </summary>
public sealed class D14CodeInstability : ClaimCheck
{
    public override string Id => "D14";
    public const double MinSpreadRatio = 2;

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var none = D12Regularisers.Run(context, Regulariser.None);
        var psi3 = D12Regularisers.Run(context, Regulariser.EncoderWeights);
        static double Ratio(IReadOnlyList<HoleCode> a, IReadOnlyList<HoleCode> b) => HoleCode.Spread(a) / HoleCode.Spread(b);
        // The spread needs two runs per setting; the verdict reads the runs that trained (the one rule).
        HoleCode[] noneTrained = none.TrainedRuns, psi3Trained = psi3.TrainedRuns;
        bool enough = noneTrained.Length >= 2 && psi3Trained.Length >= 2;
        var overTrained = enough ? Intervals.Bootstrap(noneTrained, psi3Trained, Ratio, nanAs: double.NegativeInfinity) : new Interval(double.NaN, 0, double.PositiveInfinity, "fewer than two trained runs in a setting");
        var evidence = Evidence.Continuous("spread of the code across the hole, unregularised / ψ3", overTrained, Intervals.Bootstrap(none.Runs, psi3.Runs, Ratio, nanAs: double.NegativeInfinity),
            MinSpreadRatio, paperSideAbove: true, noneTrained.Length + psi3Trained.Length, none.Runs.Length + psi3.Runs.Length, context.MoreSeeds);
        double spreadNone = HoleCode.Spread(none.Runs), spreadPsi3 = HoleCode.Spread(psi3.Runs);
        var metrics = new Dictionary<string, double>
        {
            ["spread_unregularised_all_runs"] = spreadNone,
            ["spread_psi3_all_runs"] = spreadPsi3,
            ["spread_unregularised_trained_runs"] = noneTrained.Length >= 2 ? HoleCode.Spread(noneTrained) : double.NaN,
            ["spread_psi3_trained_runs"] = psi3Trained.Length >= 2 ? HoleCode.Spread(psi3Trained) : double.NaN,
            ["runs_per_setting"] = none.Runs.Length,
            ["unregularised_runs_trained"] = noneTrained.Length,
            ["psi3_runs_trained"] = psi3Trained.Length,
        };
        return new(true, metrics,
            $"spread of the normalised code across the hole: unregularised {metrics["spread_unregularised_trained_runs"]:0.0000} over {noneTrained.Length} trained runs ({spreadNone:0.0000} over all {none.Runs.Length}), " +
            $"ψ3 {metrics["spread_psi3_trained_runs"]:0.0000} over {psi3Trained.Length} ({spreadPsi3:0.0000} over all)",
            D12Regularisers.Draw(context, [Regulariser.None, Regulariser.EncoderWeights]), evidence);
    }
}
