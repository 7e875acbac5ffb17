using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;
using Autoencoders.Training;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D12 (Sec. 4.4.1, Fig. 7): added to the hole training, ψ1 (latent locality) does not fix the hole, ψ2 (all weights)
/// smooths the code but degrades the reconstructions, ψ3 (encoder weights) works best, consistently over runs.
/// The verdict is the interval of ψ3's improvement: the unregularised median hole error over ψ3's, bootstrapped over
/// the seeds (a seed's two runs resampled together) whose unregularised and ψ3 runs both trained, against
/// <see cref="MinImprovement"/>. The other parts are judged on medians over the trained runs of each setting.
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
    /// <param name="Trainability">Per run: whether it trained (the one rule); medians read the runs that did.</param>
    public sealed record Setting(Regulariser Psi, int[] Seeds, HoleCode[] Runs, Trainability[] Trainability)
    {
        public string Name => Psi.PaperName();
        public HoleCode[] TrainedRuns => Runs.Where((_, k) => Trainability[k].Trained).ToArray();
        double Median(Func<HoleCode, double> value) => TrainedRuns.Length == 0 ? double.NaN : TrainedRuns.Select(value).Median();
        public double RatioMedian => Median(c => c.ErrorRatio);
        public double HoleErrorMedian => Median(c => c.ErrorInHole);
        public double NearErrorMedian => Median(c => c.ErrorNearHole);
        public double CodeDeviationMedian => Median(c => c.CodeDeviation);
        /// <summary>Reported, not judged: decoding a linear sweep of z across the hole (Fig. 7's axis).</summary>
        public double SweepMismatchMedian => Median(c => c.SweepDiskMismatch);
        public int SweepMonotoneSeeds => TrainedRuns.Count(c => c.SweepMonotone);

        public IEnumerable<(string, double)> Metrics()
        {
            for (int k = 0; k < Seeds.Length; k++)
            {
                yield return ($"{Name}_hole_error[seed{Seeds[k]}]", Runs[k].ErrorInHole);
                yield return ($"{Name}_near_error[seed{Seeds[k]}]", Runs[k].ErrorNearHole);
                yield return ($"{Name}_code_deviation[seed{Seeds[k]}]", Runs[k].CodeDeviation);
                yield return ($"{Name}_unexplained_share[seed{Seeds[k]}]", Trainability[k].Relative);
            }
            yield return ($"{Name}_runs_trained", TrainedRuns.Length);
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
        public int Psi3SeedsFixed => Psi3.TrainedRuns.Count(c => c.ErrorInHole <= FixedBelow);
        public bool Psi3Lowest => !double.IsNaN(Psi3.HoleErrorMedian) && All.All(s => !(Psi3.HoleErrorMedian > s.HoleErrorMedian));
        /// <summary>The parts judged on medians; ψ3's fix is judged by its interval (<see cref="Improvement"/>).</summary>
        public bool OtherPartsHeld => Psi1DoesNotFix && Psi2Smooths && Psi2Degrades && Psi3Lowest;

        /// <summary>ψ3's improvement of the hole error (<see cref="Psi3Improvement"/>).</summary>
        public Evidence Improvement(string tierThatDecides) => Psi3Improvement(None, Psi3, tierThatDecides);

        public Dictionary<string, double> Metrics()
        {
            var metrics = All.SelectMany(s => s.Metrics()).ToDictionary(m => m.Item1, m => m.Item2);
            metrics["fixed_below_hole_error"] = FixedBelow;
            metrics["psi3_seeds_fixed"] = Psi3SeedsFixed;
            metrics["part_psi1_does_not_fix"] = Psi1DoesNotFix ? 1 : 0;
            metrics["part_psi2_smooths"] = Psi2Smooths ? 1 : 0;
            metrics["part_psi2_degrades"] = Psi2Degrades ? 1 : 0;
            metrics["part_psi3_lowest_hole_error"] = Psi3Lowest ? 1 : 0;
            return metrics;
        }
    }

    /// <summary>
    /// ψ3's improvement of the hole error, median(unregularised) / median(ψ3), with its bootstrap interval over the
    /// seeds (pairs of runs) where both trained, and over all seeds: D12's verdict, and B1's "ψ3 cures the hole".
    /// </summary>
    public static Evidence Psi3Improvement(Setting none, Setting psi3, string tierThatDecides)
    {
        var pairs = Enumerable.Range(0, none.Seeds.Length).Select(k => (None: none.Runs[k].ErrorInHole, Psi3: psi3.Runs[k].ErrorInHole)).ToArray();
        var trained = Enumerable.Range(0, pairs.Length).Where(k => none.Trainability[k].Trained && psi3.Trainability[k].Trained).Select(k => pairs[k]).ToArray();
        static double Factor(IReadOnlyList<(double None, double Psi3)> s) => s.Select(p => p.None).Median() / s.Select(p => p.Psi3).Median();
        return Evidence.Continuous("ψ3's improvement of the hole error (median unregularised / median ψ3)",
            trained.Length == 0 ? new Interval(double.NaN, 0, double.PositiveInfinity, "no pair trained") : Intervals.Bootstrap(trained, Factor, nanAs: double.NegativeInfinity),
            Intervals.Bootstrap(pairs, Factor, nanAs: double.NegativeInfinity), MinImprovement, paperSideAbove: true, trained.Length, pairs.Length, tierThatDecides);
    }

    /// <summary>The tier's regularised runs, or SKIPPED below the Experiment tier.</summary>
    public static Setting Run(ClaimContext context, Regulariser psi)
    {
        if (context.Budget.Regularisers is null)
            throw new ClaimSkippedException("the regulariser comparisons train 6–10 seeds per setting: Experiment tier and above");
        var training = HoleRegularisation.Setting(context.Budget, psi, context.Shape);
        return new Setting(psi, training.Seeds, context.Get(new HoleCodes(training, HoleRegularisation.Hole)), context.Trainability(training));
    }

    /// <summary>Fig. 7 for the given settings: the normalised code across the hole, one plot per setting, one line per seed.</summary>
    internal static List<string> Draw(ClaimContext context, IEnumerable<Regulariser> settings) =>
        settings.Select(psi =>
        {
            var training = HoleRegularisation.Setting(context.Budget, psi, context.Shape);
            return HoleFigures.CodeAcrossHole(context.FigurePath($"fig7_{psi.FileName()}.png"), $"Fig. 7, {psi.PaperName()}", training, context.Evaluate(training), HoleRegularisation.Hole);
        }).ToList();

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var r = new Ranking(Run(context, Regulariser.None), Run(context, Regulariser.LatentLocality), Run(context, Regulariser.AllWeights), Run(context, Regulariser.EncoderWeights));
        string Row(Setting s) =>
            $"{s.Name} (λ {HoleRegularisation.Lambda(s.Psi):G2}): hole/beside {s.RatioMedian:0.0}, hole {s.HoleErrorMedian:0.000}, beside {s.NearErrorMedian:0.000}, code deviation {s.CodeDeviationMedian:0.000}";
        string Part(bool ok, string text) => (ok ? "yes: " : "NO: ") + text;
        var summary = $"medians over the trained runs of {r.Psi3.Seeds.Length} seeds — " + string.Join("; ", r.All.Select(Row)) + ". Paper's ranking: " + string.Join("; ",
            Part(r.Psi1DoesNotFix, $"ψ1 does not fix the hole (median hole error above {r.FixedBelow:0.000}, half the unregularised one)"),
            Part(r.Psi2Smooths, "ψ2 smooths the code (deviation below none)"),
            Part(r.Psi2Degrades, "ψ2 reconstructs worse beside the hole than ψ3"),
            $"ψ3 brings the hole error to {r.FixedBelow:0.000} or below in {r.Psi3SeedsFixed}/{r.Psi3.TrainedRuns.Length} trained runs",
            Part(r.Psi3Lowest, "ψ3 has the lowest hole error"));
        return new(r.OtherPartsHeld, r.Metrics(), summary, Draw(context, HoleRegularisation.Settings), r.Improvement(context.MoreSeeds));
    }
}
