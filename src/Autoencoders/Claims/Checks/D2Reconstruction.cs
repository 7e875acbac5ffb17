using TorchSharp;
using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D2: with d = 1, held-out disks are reconstructed: small relative error, radius recovered from the output.</summary>
public sealed class D2Reconstruction : DiskClaimCheck<D2Reconstruction.Seed>
{
    public override string Id => "D2";
    public const double MaxRelativeError = 0.02, MaxRadiusError = 1.0;

    /// <param name="MinRadiusChecked">Small disks are learned last: recovered radii are checked from here up (the tier's budget).</param>
    /// <param name="RadiusErrorBelowChecked">Reported beside the verdict (#16.12): the worst radius error for 6 ≤ r &lt; r_min, the radii the default tier leaves unchecked (NaN when r_min ≤ 6).</param>
    public sealed record Seed(double RelativeError, double RadiusError, double MinRadiusChecked, double UntrainedRelativeError, double RadiusErrorBelowChecked) : ISeedMeasurement
    {
        public bool Held => RelativeError < MaxRelativeError && RadiusError < MaxRadiusError;
        public string? FailedControl => UntrainedRelativeError >= MaxRelativeError ? null : $"the untrained network's relative error {UntrainedRelativeError:0.0000} is below {MaxRelativeError}";
        public IEnumerable<(string, double)> Metrics() =>
            [("relative_error", RelativeError), ("max_radius_error_px", RadiusError), ("min_radius_checked", MinRadiusChecked), ("relative_error_untrained", UntrainedRelativeError),
             ($"max_radius_error_px_r_{PaperMinRadius:0}_to_checked", RadiusErrorBelowChecked)];
    }

    /// <summary>The smallest radius checked at paper scale.</summary>
    public const double PaperMinRadius = 6;

    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.Full];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        double minRadius = context.Budget.Disks.SmallestCheckedRadius;
        var evaluation = context.Evaluate(suite.Full)[k];
        var score = evaluation.Reconstruction(minRadius);
        var below = new Data.RadiusWindow(PaperMinRadius, minRadius - 1e-9).IndicesIn(evaluation.Radii);
        double belowError = below.Length == 0 ? double.NaN
            : below.Max(i => Math.Abs(evaluation.RecoveredRadii[i] - evaluation.Family.SizeFromMass(evaluation.Inputs[i])));
        // Negative control: the same architecture untrained.
        using var untrained = new Autoencoder(suite.Full.Config, [suite.Full.Seeds[k]]);
        untrained.to(Runtime.TorchRuntime.Device); // the evaluation sends its images there
        using var test = suite.Full.TestSet();
        var control = DiskEvaluation.Of(untrained, test)[0].Reconstruction();
        return new(score.RelativeError, score.RadiusError, minRadius, control.RelativeError, belowError);
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = context.Evaluate(suite.Full)[0];
        return [Figures.ImageRows(context.FigurePath("fig2_reconstructions.png"), $"Fig. 2: held-out {suite.Full.Family.Name} of size 0.25…31.75 (seed {suite.Full.Seeds[0]})",
            [("input", Every(e.Inputs, 8)), ("output", Every(e.Outputs, 8))])];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"relative error {Range(s, m => m.RelativeError, "0.0000")} (< {MaxRelativeError}), worst recovered-radius error {Range(s, m => m.RadiusError, "0.00")} px for r ≥ {s[0].MinRadiusChecked} (< {MaxRadiusError}); untrained control {Range(s, m => m.UntrainedRelativeError, "0.00")}" +
        (double.IsNaN(s[0].RadiusErrorBelowChecked) ? "" : $"; not judged at this tier: worst radius error {Range(s, m => m.RadiusErrorBelowChecked, "0.00")} px for {PaperMinRadius} ≤ r < {s[0].MinRadiusChecked}");
}
