using Autoencoders.Experiments;
using Autoencoders.Report;
using Autoencoders.Training;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D12 (Sec. 4.4.1, Fig. 7): added to the hole training, ψ1 (latent locality) does not fix the hole, ψ2 (all weights)
/// smooths the code but degrades the reconstructions, ψ3 (encoder weights) works best, consistently over runs.
/// Each part is judged on medians over the tier's seeds (3 at the Experiment tier, 5 at the Gpu tier).
/// </summary>
public sealed class D12Regularisers : ClaimCheck
{
    public override string Id => "D12";
    /// <summary>
    /// A regulariser fixes the hole when it divides the unregularised network's error in the hole (median over seeds)
    /// by at least this factor: D11's factor, read the other way. Judged on the hole error itself, not on its ratio
    /// to the error beside the hole, which a regulariser can also lower by reconstructing everything else worse.
    /// </summary>
    public const double MinImprovement = D11Hole.MinErrorRatio;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var seeds = HoleRegularisation.Seeds(context);
        var runs = HoleRegularisation.Settings.ToDictionary(psi => psi, psi => HoleRegularisation.Measure(HoleRegularisation.Setting(context, psi), context.Log));
        var metrics = new Dictionary<string, double>();
        foreach (var (psi, codes) in runs)
        {
            string name = HoleRegularisation.Name(psi);
            for (int k = 0; k < seeds.Length; k++)
            {
                metrics[$"{name}_hole_error[seed{seeds[k]}]"] = codes[k].ErrorInHole;
                metrics[$"{name}_near_error[seed{seeds[k]}]"] = codes[k].ErrorNearHole;
                metrics[$"{name}_code_deviation[seed{seeds[k]}]"] = codes[k].CodeDeviation;
            }
            metrics[$"{name}_ratio_median"] = codes.Select(c => c.ErrorRatio).Median();
            metrics[$"{name}_hole_error_median"] = codes.Select(c => c.ErrorInHole).Median();
            metrics[$"{name}_near_error_median"] = codes.Select(c => c.ErrorNearHole).Median();
            metrics[$"{name}_code_deviation_median"] = codes.Select(c => c.CodeDeviation).Median();
            // Reported, not judged: decoding a linear sweep of z across the hole (Fig. 7's axis).
            metrics[$"{name}_sweep_disk_mismatch_median"] = codes.Select(c => c.SweepDiskMismatch).Median();
            metrics[$"{name}_sweep_monotone_seeds"] = codes.Count(c => c.SweepMonotone);
        }
        double M(Regulariser psi, string what) => metrics[$"{HoleRegularisation.Name(psi)}_{what}"];
        double fixedBelow = M(Regulariser.None, "hole_error_median") / MinImprovement;
        metrics["fixed_below_hole_error"] = fixedBelow;
        bool psi1NotFixed = M(Regulariser.LatentLocality, "hole_error_median") > fixedBelow;
        bool psi2Smooth = M(Regulariser.AllWeights, "code_deviation_median") < M(Regulariser.None, "code_deviation_median");
        bool psi2Degrades = M(Regulariser.AllWeights, "near_error_median") > M(Regulariser.EncoderWeights, "near_error_median");
        int psi3Fixed = runs[Regulariser.EncoderWeights].Count(c => c.ErrorInHole <= fixedBelow);
        bool psi3FixedEverySeed = psi3Fixed == seeds.Length;
        bool psi3Best = HoleRegularisation.Settings.All(psi => M(Regulariser.EncoderWeights, "hole_error_median") <= M(psi, "hole_error_median"));
        metrics["psi3_seeds_fixed"] = psi3Fixed;
        metrics["part_psi1_does_not_fix"] = psi1NotFixed ? 1 : 0;
        metrics["part_psi2_smooths"] = psi2Smooth ? 1 : 0;
        metrics["part_psi2_degrades"] = psi2Degrades ? 1 : 0;
        metrics["part_psi3_fixes_every_seed"] = psi3FixedEverySeed ? 1 : 0;
        metrics["part_psi3_lowest_hole_error"] = psi3Best ? 1 : 0;

        string Row(Regulariser psi) =>
            $"{HoleRegularisation.Name(psi)} (λ {HoleRegularisation.Lambda(psi):G2}): hole/beside {M(psi, "ratio_median"):0.0}, hole {M(psi, "hole_error_median"):0.000}, beside {M(psi, "near_error_median"):0.000}, code deviation {M(psi, "code_deviation_median"):0.000}";
        string Part(bool ok, string text) => (ok ? "yes: " : "NO: ") + text;
        var summary = $"medians over {seeds.Length} seeds — " + string.Join("; ", HoleRegularisation.Settings.Select(Row)) + ". Paper's ranking: " + string.Join("; ",
            Part(psi1NotFixed, $"ψ1 does not fix the hole (median hole error above {fixedBelow:0.000}, half the unregularised one)"),
            Part(psi2Smooth, "ψ2 smooths the code (deviation below none)"),
            Part(psi2Degrades, "ψ2 reconstructs worse beside the hole than ψ3"),
            Part(psi3FixedEverySeed, $"ψ3 fixes the hole in every seed ({psi3Fixed}/{seeds.Length} at or below {fixedBelow:0.000})"),
            Part(psi3Best, "ψ3 has the lowest hole error"));
        return (psi1NotFixed && psi2Smooth && psi2Degrades && psi3FixedEverySeed && psi3Best, metrics, summary,
            Draw(context, HoleRegularisation.Settings, psi => HoleRegularisation.Setting(context, psi), "fig7", "Fig. 7,"));
    }

    /// <summary>Fig. 7: the normalised code against r across the hole, one plot per setting, one line per seed.</summary>
    internal static List<string> Draw(ClaimContext context, IEnumerable<Regulariser> settings, Func<Regulariser, DiskExperiment> experiment, string prefix, string caption)
    {
        var files = new List<string>();
        foreach (var psi in settings)
        {
            var e = experiment(psi);
            var evaluations = DiskSuite.Evaluate(e, context.Log);
            var series = evaluations.Select((ev, k) => (ev, k)).Where(p => HoleCode.Normalised(p.ev).All(double.IsFinite)).Select(p =>
            {
                var (ev, k) = p; // runs that failed or diverged have no code to draw
                var idx = Enumerable.Range(0, ev.Radii.Length).Where(i => ev.Radii[i] >= 4 && ev.Radii[i] <= 26).ToArray();
                var normalised = HoleCode.Normalised(ev);
                string label = e.Lambdas is { } l && l.Distinct().Count() > 1 ? $"λ = {l[k]:G2}" : $"seed {e.Seeds[k]}";
                return new Figures.Series(label, idx.Select(i => ev.Radii[i]).ToArray(), idx.Select(i => normalised[i]).ToArray());
            }).ToArray();
            files.Add(Figures.Lines(Path.Combine(context.FigureDirectory, $"{prefix}_{HoleRegularisation.FileName(psi)}.png"),
                $"{caption} {HoleRegularisation.Name(psi)}: code across the hole (11, 18), 0 at r = {HoleCode.AnchorBelow}, 1 at r = {HoleCode.AnchorAbove}",
                "disk radius r", "normalised code z", series, marks: [DiskSuite.HoleLow, DiskSuite.HoleHigh]));
        }
        return files;
    }
}
