using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D10: trained on r ≤ 18 only, the autoencoder cannot extrapolate: disks larger than any it saw come back as
/// smaller, observed ones (Fig. 5); without biases the learned profile f is supported up to about R = 18 (Fig. 13,
/// Experiment tier).
/// </summary>
public sealed class D10Extrapolation : DiskClaimCheck<D10Extrapolation.Seed>
{
    public override string Id => "D10";
    public const double MinErrorRatio = 10, MaxRecoveredRadius = DiskSuite.RestrictedRadius + 6, MaxProfileMassBeyond = 0.05;
    /// <summary>Observed radii (beyond the smallest, learned last) and radii well beyond the largest training radius.</summary>
    public static readonly RadiusWindow Observed = new(4, DiskSuite.RestrictedRadius), Outside = new(22, 32);
    /// <summary>The bias-free profile's mass is measured from this ring on (t ≥ 22).</summary>
    const int ProfileBeyond = 22;

    /// <param name="ProfileMassBeyond">Experiment tier and above: the bias-free restricted network's profile mass beyond t = 22 (null at the default tier).</param>
    public sealed record Seed(double ErrorInside, double ErrorOutside, double LargestRecovered, double ControlFullRangeOutside, double? ProfileMassBeyond) : ISeedMeasurement
    {
        public double Ratio => ErrorOutside / ErrorInside;
        // The full-range network's comparison stays a part of the seed's test, not a control that throws: it fails exactly
        // when the restricted network extrapolates well, i.e. when the claim itself fails (as D11's second comparison).
        public bool Held => Ratio >= MinErrorRatio && LargestRecovered <= MaxRecoveredRadius && ControlFullRangeOutside * MinErrorRatio <= ErrorOutside
            && (ProfileMassBeyond is not double beyond || beyond < MaxProfileMassBeyond);
        public IEnumerable<(string, double)> Metrics()
        {
            yield return ($"error_inside_r_le_{Observed.Hi:0}", ErrorInside);
            yield return ($"error_outside_r_ge_{Outside.Lo:0}", ErrorOutside);
            yield return ("ratio", Ratio);
            yield return ($"largest_recovered_radius_for_r_ge_{Outside.Lo:0}", LargestRecovered);
            yield return ($"control_full_range_error_r_ge_{Outside.Lo:0}", ControlFullRangeOutside);
            if (ProfileMassBeyond is double beyond) yield return ($"bias_free_profile_mass_beyond_{ProfileBeyond}", beyond);
        }
    }


    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => context.Budget.Disks.ProfileSupport ? [suite.Restricted, suite.Full, suite.RestrictedBiasFree] : [suite.Restricted, suite.Full];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var e = context.Evaluate(suite.Restricted)[k];
        double largestRecovered = Outside.IndicesIn(e.Radii).Max(i => e.RecoveredRadii[i]);
        // Negative control: the network trained on the full range reconstructs the same large disks.
        double fullOutside = context.Evaluate(suite.Full)[k].MeanRelativeError(Outside);
        double? beyond = null;
        if (context.Budget.Disks.ProfileSupport)
        {
            // App. C: the bias-free network's profile has (almost) no mass beyond R = 18.
            var f = context.Evaluate(suite.RestrictedBiasFree)[k].LearnedProfile;
            beyond = f.Skip(ProfileBeyond).Sum(Math.Abs) / f.Sum(Math.Abs);
        }
        return new(e.MeanRelativeError(Observed), e.MeanRelativeError(Outside), largestRecovered, fullOutside, beyond);
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var e = context.Evaluate(suite.Restricted)[0];
        var series = new[]
        {
            new Figures.Series("recovered radius of the output", e.Radii, e.RecoveredRadii, Markers: true),
            new Figures.Series("identity", [0, 32], [0, 32]),
            new Figures.Series($"largest training radius R = {DiskSuite.RestrictedRadius}", [0, 32], [DiskSuite.RestrictedRadius, DiskSuite.RestrictedRadius]),
        };
        var figures = new List<string>
        {
            Figures.ImageRows(context.FigurePath("fig5_extrapolation.png"), $"Fig. 5: trained on r ≤ {DiskSuite.RestrictedRadius}; test r = 0.25…31.75",
                [("input", Every(e.Inputs, 8)), ("output", Every(e.Outputs, 8))]),
            Figures.Lines(context.FigurePath("fig5_recovered_radius.png"), $"Fig. 5: radius of the output against the input's (trained on r ≤ {DiskSuite.RestrictedRadius})", "input radius r", "recovered radius", series),
        };
        if (context.Budget.Disks.ProfileSupport)
        {
            // Fig. 13 (App. C): the bias-free restricted network's profile, per seed, ends near R = 18.
            var profiles = context.Evaluate(suite.RestrictedBiasFree).Select(ev => ev.LearnedProfile).ToArray();
            figures.Add(Figures.Lines(context.FigurePath("fig13_restricted_profile.png"), $"Fig. 13: learned profile f without biases, trained on r ≤ {DiskSuite.RestrictedRadius}",
                "distance t from the centre (px)", "f(t), normalised",
                [.. profiles.Select((f, k) => new Figures.Series($"seed {suite.RestrictedBiasFree.Seeds[k]}", Enumerable.Range(0, f.Length).Select(t => (double)t).ToArray(), f))],
                ScottPlot.Alignment.UpperRight, marks: [DiskSuite.RestrictedRadius]));
        }
        return figures;
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"trained on r ≤ {Observed.Hi:0}: error {Range(s, m => m.ErrorInside, "0.000")} inside vs {Range(s, m => m.ErrorOutside, "0.000")} for r ≥ {Outside.Lo:0} (ratio {Range(s, m => m.Ratio, "0")}, ≥ {MinErrorRatio}); " +
        $"outputs for r ≥ {Outside.Lo:0} have radius ≤ {Range(s, m => m.LargestRecovered, "0.0")} (≤ {MaxRecoveredRadius}); full-range control {Range(s, m => m.ControlFullRangeOutside, "0.000")}" +
        (s[0].ProfileMassBeyond is null ? "" : $"; bias-free f mass beyond t = {ProfileBeyond}: {Range(s, m => m.ProfileMassBeyond!.Value, "0.000")} (< {MaxProfileMassBeyond})");
}
