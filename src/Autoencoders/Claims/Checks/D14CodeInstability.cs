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
        var none = D12Regularisers.Run(context, Regulariser.None).Runs;
        var psi3 = D12Regularisers.Run(context, Regulariser.EncoderWeights).Runs;
        double spreadNone = HoleCode.Spread(none), spreadPsi3 = HoleCode.Spread(psi3);
        var metrics = new Dictionary<string, double>
        {
            ["spread_unregularised"] = spreadNone,
            ["spread_psi3"] = spreadPsi3,
            ["ratio"] = spreadNone / spreadPsi3,
            ["runs_per_setting"] = none.Length,
        };
        return new(spreadNone >= MinSpreadRatio * spreadPsi3, metrics,
            $"spread of the normalised code across the hole over {none.Length} runs: unregularised {spreadNone:0.0000}, ψ3 {spreadPsi3:0.0000}, ratio {spreadNone / spreadPsi3:0.0} (criterion ≥ {MinSpreadRatio})",
            D12Regularisers.Draw(context, [Regulariser.None, Regulariser.EncoderWeights]));
    }
}
