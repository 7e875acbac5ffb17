namespace Autoencoders.Claims.Checks;

/// <summary>
/// B3: the disk verdicts do not rest on the choices the paper left open. Runs the disk claims (D2–D6, D8–D11) on the
/// tier's seeds as they are and again with a second blur σ and a factor on every training length
/// (<see cref="Configuration.RobustnessVariation"/>), and holds when every claim reaches the same verdict both ways
/// (an INCONCLUSIVE against a decided verdict counts as a change: the variation lost or gained the decision).
/// Experiment tier and above only: at the default tier it would retrain every disk network (SKIPPED there).
/// </summary>
public sealed class B3Robustness : ClaimCheck
{
    public override string Id => "B3";
    public static readonly string[] Claims = ["D2", "D3", "D4", "D5", "D6", "D8", "D9", "D10", "D11"];

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        if (context.Budget.Robustness is not { } v)
            throw new ClaimSkippedException("B3 reruns every disk claim with a second σ and longer training: Experiment tier and above");
        // The variant's figures go to their own folder, so they do not overwrite the disk claims' own.
        var variant = context with { Budget = context.Budget.Varied(), FigureDirectory = Path.Combine(context.FigureDirectory, "b3_variant") };
        Directory.CreateDirectory(variant.FigureDirectory);
        var metrics = new Dictionary<string, double>();
        var changed = new List<string>();
        var both = new List<string>();
        foreach (var id in Claims)
        {
            var asIs = ClaimChecks.All[id].Run(context);
            var varied = ClaimChecks.All[id].Run(variant);
            bool same = asIs.Verdict == varied.Verdict;
            metrics[$"{id}_same_verdict"] = same ? 1 : 0;
            // Trainability is a finding of its own: a variation that breaks training shows here before it shows in a verdict.
            if (asIs.Evidence is { } e) metrics[$"{id}_trained_share"] = e.TrainedShare;
            if (varied.Evidence is { } f) metrics[$"{id}_varied_trained_share"] = f.TrainedShare;
            both.Add($"{id} {ClaimResult.Label(asIs.Verdict)}{(same ? "" : " → " + ClaimResult.Label(varied.Verdict))}");
            if (!same) changed.Add($"{id}: {ClaimResult.Label(asIs.Verdict)} as it is, {ClaimResult.Label(varied.Verdict)} varied ({varied.Summary})");
        }
        metrics["claims_changed"] = changed.Count;
        return new(changed.Count == 0, metrics,
            (changed.Count == 0
                ? $"with σ = {v.Sigma} and {v.StepScale}× the steps, every disk claim reaches the verdict it reaches as it is"
                : $"with σ = {v.Sigma} and {v.StepScale}× the steps, {changed.Count} of {Claims.Length} verdicts change: {string.Join("; ", changed)}")
            + $" ({string.Join(", ", both)})", []);
    }
}
