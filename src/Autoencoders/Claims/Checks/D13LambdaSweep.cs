using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Report;
using MathNet.Numerics.Statistics;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D13 (Sec. 4.4.1, Fig. 8): raising λ for ψ3 smooths the code across the hole, until λ is too large and training
/// fails. ψ3 at log-spaced λ (5 values at the Experiment tier, 7 at the Gpu tier) for several seeds, none of them the
/// pilot that chose the λ values, all trained as one batch.
/// "Smoother as λ grows" is a trend: per seed, the Spearman correlation between log λ and the code deviation over the
/// λ values that trained; the verdict is the bootstrap interval of its mean over the seeds, against 0 (the paper's
/// side: below). "Until training fails": in every seed the largest λ did not train and the two smallest did.
/// </summary>
public sealed class D13LambdaSweep : ClaimCheck
{
    public override string Id => "D13";
    /// <summary>No trend: the paper's side is a negative correlation (deviation falls as λ grows).</summary>
    public const double Bar = 0;

    /// <summary>One seed's sweep: the runs at each λ and whether each trained (the one rule: a failed λ is one that did not).</summary>
    public sealed record SeedSweep(int Seed, double[] Lambdas, HoleCode[] Runs, Trainability[] Trainability)
    {
        public bool Works(int l) => Trainability[l].Trained && double.IsFinite(Runs[l].CodeDeviation);
        public int[] Working => Enumerable.Range(0, Lambdas.Length).Where(Works).ToArray();
        public bool LargestFails => !Works(Lambdas.Length - 1);
        public bool SmallestWork => Works(0) && Works(1);
        /// <summary>Spearman(log λ, code deviation) over the working λ; NaN with fewer than three.</summary>
        public double Trend => Working.Length < 3 ? double.NaN
            : Correlation.Spearman(Working.Select(l => Math.Log10(Lambdas[l])), Working.Select(l => Runs[l].CodeDeviation));
    }

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        if (context.Budget.Regularisers is null)
            throw new ClaimSkippedException("the λ sweep trains one model per λ value and seed: Experiment tier and above");
        var sweep = HoleRegularisation.Sweep(context.Budget);
        var lambdas = context.Budget.Regularisers.SweepLambdas;
        var seeds = HoleRegularisation.SweepSeeds(context.Budget);
        var runs = context.Get(new HoleCodes(sweep, HoleRegularisation.Hole));
        var trainability = context.Trainability(sweep);
        int L = lambdas.Length;
        var perSeed = seeds.Select((s, i) => new SeedSweep(s, lambdas, runs[(i * L)..((i + 1) * L)], trainability[(i * L)..((i + 1) * L)])).ToArray();

        var metrics = new Dictionary<string, double>();
        foreach (var s in perSeed)
        {
            for (int l = 0; l < L; l++)
            {
                metrics[$"code_deviation[seed{s.Seed},λ={lambdas[l]:G2}]"] = s.Runs[l].CodeDeviation;
                metrics[$"hole_error[seed{s.Seed},λ={lambdas[l]:G2}]"] = s.Runs[l].ErrorInHole;
                metrics[$"near_error[seed{s.Seed},λ={lambdas[l]:G2}]"] = s.Runs[l].ErrorNearHole;
                metrics[$"unexplained_share[seed{s.Seed},λ={lambdas[l]:G2}]"] = s.Trainability[l].Relative;
            }
            metrics[$"trend_spearman[seed{s.Seed}]"] = s.Trend;
            metrics[$"largest_working_lambda[seed{s.Seed}]"] = s.Working.Length > 0 ? lambdas[s.Working[^1]] : double.NaN;
        }
        // A seed whose smallest λ did not train says nothing about a trend; a trend needs three working λ.
        var trained = perSeed.Where(s => s.Works(0) && double.IsFinite(s.Trend)).ToArray();
        // Over all seeds: every seed whose sweep has a trend at all (three working λ), its smallest λ trained or not.
        var withTrend = perSeed.Where(s => double.IsFinite(s.Trend)).ToArray();
        var evidence = Evidence.Continuous("Spearman(log λ, code deviation), mean over seeds",
            trained.Length == 0 ? new Interval(double.NaN, -1, 1, "no seed trained") : Intervals.Bootstrap(trained.Select(s => s.Trend).ToArray(), v => v.Average()),
            withTrend.Length == 0 ? null : Intervals.Bootstrap(withTrend.Select(s => s.Trend).ToArray(), v => v.Average()), Bar, paperSideAbove: false, trained.Length, perSeed.Length, context.MoreSeeds);
        bool failsAtTop = perSeed.All(s => s.LargestFails), smallestWork = perSeed.All(s => s.SmallestWork);
        metrics["seeds_largest_lambda_fails"] = perSeed.Count(s => s.LargestFails);
        metrics["seeds_two_smallest_work"] = perSeed.Count(s => s.SmallestWork);

        var summary = string.Join("; ", perSeed.Select(s =>
            $"seed {s.Seed}: works for λ {(s.Working.Length > 0 ? $"{lambdas[s.Working[0]]:G2} … {lambdas[s.Working[^1]]:G2}" : "none")}, code deviation " +
            string.Join(", ", Enumerable.Range(0, L).Select(l => s.Works(l) ? s.Runs[l].CodeDeviation.ToString("0.000") : "—")) + $", trend {s.Trend:0.00}")) +
            $". The largest λ fails in {perSeed.Count(s => s.LargestFails)}/{perSeed.Length} seeds, the two smallest work in {perSeed.Count(s => s.SmallestWork)}/{perSeed.Length}";
        var figures = new List<string>
        {
            HoleFigures.CodeAcrossHole(context.FigurePath("fig8_lambda_sweep_psi3.png"), $"Fig. 8, ψ3, seed {seeds[0]}",
                sweep with { Seeds = sweep.Seeds[..L], Lambdas = sweep.Lambdas![..L] }, context.Evaluate(sweep)[..L], HoleRegularisation.Hole),
            Figures.Lines(context.FigurePath("fig8_lambda_sweep_measures.png"),
                "Fig. 8: ψ3 λ sweep: code deviation across the hole (working runs), per seed", "log10 λ", "code deviation",
                [.. perSeed.Select(s => new Figures.Series($"seed {s.Seed}", s.Working.Select(l => Math.Log10(lambdas[l])).ToArray(), s.Working.Select(l => s.Runs[l].CodeDeviation).ToArray(), Markers: true))]),
        };
        return new(failsAtTop && smallestWork, metrics, summary, figures, evidence);
    }
}
