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

    /// <summary>One regulariser's runs over the seeds, with their medians.</summary>
    public sealed record Setting(Regulariser Psi, int[] Seeds, HoleCode[] Runs)
    {
        public string Name => Psi.PaperName();
        public double RatioMedian => Runs.Select(c => c.ErrorRatio).Median();
        public double HoleErrorMedian => Runs.Select(c => c.ErrorInHole).Median();
        public double NearErrorMedian => Runs.Select(c => c.ErrorNearHole).Median();
        public double CodeDeviationMedian => Runs.Select(c => c.CodeDeviation).Median();
        /// <summary>Reported, not judged: decoding a linear sweep of z across the hole (Fig. 7's axis).</summary>
        public double SweepMismatchMedian => Runs.Select(c => c.SweepDiskMismatch).Median();
        public int SweepMonotoneSeeds => Runs.Count(c => c.SweepMonotone);

        public IEnumerable<(string, double)> Metrics()
        {
            for (int k = 0; k < Seeds.Length; k++)
            {
                yield return ($"{Name}_hole_error[seed{Seeds[k]}]", Runs[k].ErrorInHole);
                yield return ($"{Name}_near_error[seed{Seeds[k]}]", Runs[k].ErrorNearHole);
                yield return ($"{Name}_code_deviation[seed{Seeds[k]}]", Runs[k].CodeDeviation);
            }
            yield return ($"{Name}_ratio_median", RatioMedian);
            yield return ($"{Name}_hole_error_median", HoleErrorMedian);
            yield return ($"{Name}_near_error_median", NearErrorMedian);
            yield return ($"{Name}_code_deviation_median", CodeDeviationMedian);
            yield return ($"{Name}_sweep_disk_mismatch_median", SweepMismatchMedian);
            yield return ($"{Name}_sweep_monotone_seeds", SweepMonotoneSeeds);
        }
    }

    /// <summary>The paper's ranking, part by part.</summary>
    public sealed record Ranking(Setting None, Setting Psi1, Setting Psi2, Setting Psi3)
    {
        public IReadOnlyList<Setting> All => [None, Psi1, Psi2, Psi3];
        public double FixedBelow => None.HoleErrorMedian / MinImprovement;
        public bool Psi1DoesNotFix => Psi1.HoleErrorMedian > FixedBelow;
        public bool Psi2Smooths => Psi2.CodeDeviationMedian < None.CodeDeviationMedian;
        public bool Psi2Degrades => Psi2.NearErrorMedian > Psi3.NearErrorMedian;
        public int Psi3SeedsFixed => Psi3.Runs.Count(c => c.ErrorInHole <= FixedBelow);
        public bool Psi3FixesEverySeed => Psi3SeedsFixed == Psi3.Seeds.Length;
        public bool Psi3Lowest => All.All(s => Psi3.HoleErrorMedian <= s.HoleErrorMedian);
        public bool Held => Psi1DoesNotFix && Psi2Smooths && Psi2Degrades && Psi3FixesEverySeed && Psi3Lowest;

        public Dictionary<string, double> Metrics()
        {
            var metrics = All.SelectMany(s => s.Metrics()).ToDictionary(m => m.Item1, m => m.Item2);
            metrics["fixed_below_hole_error"] = FixedBelow;
            metrics["psi3_seeds_fixed"] = Psi3SeedsFixed;
            metrics["part_psi1_does_not_fix"] = Psi1DoesNotFix ? 1 : 0;
            metrics["part_psi2_smooths"] = Psi2Smooths ? 1 : 0;
            metrics["part_psi2_degrades"] = Psi2Degrades ? 1 : 0;
            metrics["part_psi3_fixes_every_seed"] = Psi3FixesEverySeed ? 1 : 0;
            metrics["part_psi3_lowest_hole_error"] = Psi3Lowest ? 1 : 0;
            return metrics;
        }
    }

    /// <summary>The tier's regularised runs, or SKIPPED below the Experiment tier.</summary>
    internal static Setting Run(ClaimContext context, Regulariser psi)
    {
        if (context.Budget.Regularisers is null)
            throw new ClaimSkippedException("the regulariser comparisons train 3–5 seeds per setting: Experiment tier and above");
        var training = HoleRegularisation.Setting(context.Budget, psi);
        return new Setting(psi, training.Seeds, context.Get(new HoleCodes(training, HoleRegularisation.Hole)));
    }

    /// <summary>Fig. 7 for the given settings: the normalised code across the hole, one plot per setting, one line per seed.</summary>
    internal static List<string> Draw(ClaimContext context, IEnumerable<Regulariser> settings) =>
        settings.Select(psi =>
        {
            var training = HoleRegularisation.Setting(context.Budget, psi);
            return HoleFigures.CodeAcrossHole(context.FigurePath($"fig7_{psi.FileName()}.png"), $"Fig. 7, {psi.PaperName()}", training, context.Evaluate(training), HoleRegularisation.Hole);
        }).ToList();

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var r = new Ranking(Run(context, Regulariser.None), Run(context, Regulariser.LatentLocality), Run(context, Regulariser.AllWeights), Run(context, Regulariser.EncoderWeights));
        string Row(Setting s) =>
            $"{s.Name} (λ {HoleRegularisation.Lambda(s.Psi):G2}): hole/beside {s.RatioMedian:0.0}, hole {s.HoleErrorMedian:0.000}, beside {s.NearErrorMedian:0.000}, code deviation {s.CodeDeviationMedian:0.000}";
        string Part(bool ok, string text) => (ok ? "yes: " : "NO: ") + text;
        var summary = $"medians over {r.Psi3.Seeds.Length} seeds — " + string.Join("; ", r.All.Select(Row)) + ". Paper's ranking: " + string.Join("; ",
            Part(r.Psi1DoesNotFix, $"ψ1 does not fix the hole (median hole error above {r.FixedBelow:0.000}, half the unregularised one)"),
            Part(r.Psi2Smooths, "ψ2 smooths the code (deviation below none)"),
            Part(r.Psi2Degrades, "ψ2 reconstructs worse beside the hole than ψ3"),
            Part(r.Psi3FixesEverySeed, $"ψ3 fixes the hole in every seed ({r.Psi3SeedsFixed}/{r.Psi3.Seeds.Length} at or below {r.FixedBelow:0.000})"),
            Part(r.Psi3Lowest, "ψ3 has the lowest hole error"));
        return new(r.Held, r.Metrics(), summary, Draw(context, HoleRegularisation.Settings));
    }
}
