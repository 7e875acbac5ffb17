using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// D13 (Sec. 4.4.1, Fig. 8): raising λ for ψ3 smooths the code across the hole, until λ is too large and training
/// fails. One seed, ψ3 at log-spaced λ (5 values at the Experiment tier, 7 at the Gpu tier), trained as one batch.
/// </summary>
public sealed class D13LambdaSweep : ClaimCheck
{
    public override string Id => "D13";
    /// <summary>A run works when its code varies and it reconstructs beside the hole within this relative error.</summary>
    public const double MaxWorkingError = 0.1;

    public static bool Works(HoleCode h) => double.IsFinite(h.CodeDeviation) && h.ErrorNearHole < MaxWorkingError;

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        if (context.Budget.Regularisers is null)
            throw new ClaimSkippedException("the λ sweep trains one model per λ value: Experiment tier and above");
        var sweep = HoleRegularisation.Sweep(context.Budget);
        var lambdas = sweep.Lambdas!;
        var runs = context.Get(new HoleCodes(sweep, HoleRegularisation.Hole));
        var metrics = new Dictionary<string, double>();
        for (int k = 0; k < lambdas.Length; k++)
        {
            metrics[$"code_deviation[λ={lambdas[k]:G2}]"] = runs[k].CodeDeviation;
            metrics[$"hole_error[λ={lambdas[k]:G2}]"] = runs[k].ErrorInHole;
            metrics[$"near_error[λ={lambdas[k]:G2}]"] = runs[k].ErrorNearHole;
            metrics[$"works[λ={lambdas[k]:G2}]"] = Works(runs[k]) ? 1 : 0;
        }
        var working = Enumerable.Range(0, lambdas.Length).Where(k => Works(runs[k])).ToArray();
        bool largestFails = !Works(runs[^1]);
        bool smallestWork = working.Length >= 2 && working[0] == 0 && working[1] == 1;
        bool smoother = working.Length >= 2 && runs[working[^1]].CodeDeviation <= runs[working[0]].CodeDeviation;
        metrics["largest_lambda_fails"] = largestFails ? 1 : 0;
        metrics["largest_working_lambda"] = working.Length > 0 ? lambdas[working[^1]] : double.NaN;
        string range = working.Length > 0 ? $"{lambdas[working[0]]:G2} … {lambdas[working[^1]]:G2}" : "none";
        var summary = $"ψ3 works for λ {range} (relative error beside the hole < {MaxWorkingError}); " +
            $"code deviation across the hole {string.Join(", ", Enumerable.Range(0, lambdas.Length).Select(k => $"{runs[k].CodeDeviation:0.000} (λ {lambdas[k]:G2})"))}; " +
            $"{(smoother ? "smoother" : "NOT smoother")} at the largest working λ than at the smallest; the largest λ {(largestFails ? "fails" : "still works")} " +
            $"(error beside the hole {runs[^1].ErrorNearHole:0.00})";
        var figures = new List<string>
        {
            HoleFigures.CodeAcrossHole(context.FigurePath("fig8_lambda_sweep_psi3.png"), "Fig. 8, ψ3", sweep, context.Evaluate(sweep), HoleRegularisation.Hole),
            Figures.Lines(context.FigurePath("fig8_lambda_sweep_measures.png"),
                "Fig. 8: ψ3 λ sweep: code deviation across the hole and error beside it", "log10 λ", "value",
                [new("code deviation across the hole", lambdas.Select(Math.Log10).ToArray(), runs.Select(r => double.IsFinite(r.CodeDeviation) ? r.CodeDeviation : 1).ToArray(), Markers: true),
                 new("relative error beside the hole", lambdas.Select(Math.Log10).ToArray(), runs.Select(r => Math.Min(r.ErrorNearHole, 1)).ToArray(), Markers: true)]),
        };
        return new(largestFails && smallestWork && smoother, metrics, summary, figures);
    }
}
