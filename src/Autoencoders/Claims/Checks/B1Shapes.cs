using System.Globalization;
using Autoencoders.Data;
using Autoencoders.Report;
using Autoencoders.Training;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B1: what the paper found for disks holds for squares and 2:1 ellipses. Each carried-over disk claim (the tier's
/// <see cref="Configuration.ShapeBudget.Claims"/>) runs again, unchanged, on a suite of the same budgets trained on the
/// shape (<see cref="ClaimContext.Shape"/>: the shape's size for the radius, its gauge for the radial profile, its mass
/// for the recovered size), and is judged by its own interval. D12 is carried as its verdict quantity only, ψ3's
/// improvement of the hole error (the ψ1/ψ2 parts are not run on shapes). The d = 2 ellipses with two free semi-axes
/// are reported beside the verdict (<see cref="EllipseChartPart"/>).
///
/// Verdict (spec/claims.md, B1): per shape and claim, the outcome on the shape (held, not held, undecided) against the
/// outcome on disks at the same tier. PASS when every pair agrees and every one is decided; NOT REPRODUCED (FAIL, as
/// the registry expects PASS) when some pair is decided both ways and disagrees; otherwise INCONCLUSIVE.
/// </summary>
public sealed class B1Shapes : ClaimCheck
{
    public override string Id => "B1";
    public static readonly IReadOnlyList<ShapeFamily> Families = [ShapeFamily.Squares, ShapeFamily.Ellipses];
    /// <summary>Every disk claim B1 carries over (spec/claims.md); a tier runs those of its budget.</summary>
    public static readonly IReadOnlyList<string> CarriedClaims = ["D2", "D3", "D6", "D9", "D11", "D12"];

    /// <summary>One carried-over claim on one shape and on disks: outcome, estimate and interval of each.</summary>
    public sealed record Pair(string Claim, ShapeFamily Family, Outcome Disk, Outcome Shape, Evidence? DiskEvidence, Evidence? ShapeEvidence)
    {
        public bool Decided => Disk != Outcome.Undecided && Shape != Outcome.Undecided;
        public bool Disagree => Decided && Disk != Shape;
        public string Text => $"{Claim} {Label(Shape)}{Numbers(ShapeEvidence)} (disks {Label(Disk)}{Numbers(DiskEvidence)})";
    }

    /// <summary>
    /// B1's verdict line from its comparisons: not held when some comparison is decided on both sides and disagrees;
    /// otherwise held, and undecided (with the reason) when some comparison has an undecided side.
    /// </summary>
    public static (bool Held, string? Undecided) Decide(IReadOnlyList<Pair> pairs, string decider)
    {
        if (pairs.Count == 0) throw new ArgumentException("B1 needs at least one comparison");
        var undecided = pairs.Where(p => !p.Decided).ToList();
        string? why = undecided.Count == 0 ? null
            : $"{undecided.Count} of {pairs.Count} comparisons have an undecided side ({string.Join(", ", undecided.Select(p => $"{p.Family.FileName} {p.Claim}"))}); {decider}";
        return (!pairs.Any(p => p.Disagree), why);
    }

    static string Label(Outcome o) => o switch { Outcome.Held => "held", Outcome.NotHeld => "not held", _ => "undecided" };

    static string Numbers(Evidence? e) => e is null ? "" : string.Create(CultureInfo.InvariantCulture,
        $" {e.Interval.Estimate:0.00} [{e.Interval.Lower:0.00}, {e.Interval.Upper:0.00}]{(e.Trained == e.Runs ? "" : $", {e.Trained}/{e.Runs} trained")}");

    /// <summary>The outcome of a claim result: undecided when INCONCLUSIVE, else whether the paper's observation held.</summary>
    static Outcome OutcomeOf(ClaimResult r) => r.Verdict == Verdict.Inconclusive ? Outcome.Undecided : r.Held ? Outcome.Held : Outcome.NotHeld;

    /// <summary>D12 carried over: ψ3's improvement of the hole error on this context's shape (its verdict quantity).</summary>
    static Evidence Psi3Cure(ClaimContext context) =>
        D12Regularisers.Psi3Improvement(D12Regularisers.Run(context, Regulariser.None), D12Regularisers.Run(context, Regulariser.EncoderWeights), context.MoreSeeds);

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var claims = context.Budget.Shapes.Claims;
        var metrics = new Dictionary<string, double>();
        var figures = new List<string>();
        var pairs = new List<Pair>();
        var details = new List<string>();
        foreach (var id in claims)
        {
            // The disk side is the disk claim itself (its trainings are shared with it through the store).
            (Outcome outcome, Evidence? evidence) Judge(ClaimContext c)
            {
                if (id == "D12") { var e = Psi3Cure(c); return (e.Outcome, e); }
                var r = ClaimChecks.All[id].Run(c);
                if (c.Shape != ShapeKind.Disk)
                {
                    figures.AddRange(r.Figures);
                    foreach (var (name, value) in r.Metrics) metrics[$"{ShapeFamily.Of(c.Shape).FileName}.{id}.{name}"] = value;
                    details.Add($"{ShapeFamily.Of(c.Shape).Name}, {id}: {r.Summary}");
                }
                return (OutcomeOf(r), r.Evidence);
            }
            var disk = Judge(context);
            foreach (var family in Families)
            {
                var shapeContext = context with { Shape = family.Kind, FigurePrefix = $"b1_{family.FileName}_" };
                var shape = Judge(shapeContext);
                var pair = new Pair(id, family, disk.outcome, shape.outcome, disk.evidence, shape.evidence);
                pairs.Add(pair);
                string key = $"{family.FileName}.{id}";
                // Agreement means something only when both sides are decided.
                metrics[$"{key}.same_outcome_as_disks"] = pair.Decided ? (pair.Disk == pair.Shape ? 1 : 0) : double.NaN;
                metrics[$"{key}.decided"] = pair.Decided ? 1 : 0;
                if (shape.evidence is { } e)
                {
                    metrics[$"{key}.estimate"] = e.Interval.Estimate;
                    metrics[$"{key}.interval_lower"] = e.Interval.Lower;
                    metrics[$"{key}.interval_upper"] = e.Interval.Upper;
                    metrics[$"{key}.runs_trained"] = e.Trained;
                    metrics[$"{key}.runs"] = e.Runs;
                }
            }
        }
        figures.Add(DrawIntervals(context, pairs));

        var chart = context.Budget.Shapes.Chart is null ? null : EllipseChartPart.Measure(context);
        if (chart is not null)
        {
            foreach (var (name, value) in chart.Metrics) metrics[$"ellipses_ab.{name}"] = value;
            metrics["ellipses_ab.estimate"] = chart.Evidence.Interval.Estimate;
            metrics["ellipses_ab.interval_lower"] = chart.Evidence.Interval.Lower;
            metrics["ellipses_ab.interval_upper"] = chart.Evidence.Interval.Upper;
            figures.AddRange(chart.Figures);
        }

        var disagree = pairs.Where(p => p.Disagree).ToList();
        metrics["pairs"] = pairs.Count;
        metrics["pairs_disagreeing"] = disagree.Count;
        metrics["pairs_undecided"] = pairs.Count(p => !p.Decided);
        var notRun = CarriedClaims.Except(claims).ToList();
        string table = string.Join("; ", Families.Select(f => $"{f.Name}: " + string.Join(", ", pairs.Where(p => p.Family == f).Select(p => p.Text))));
        // "Held" is the disk claim's own observation (for D3, "the code follows the area", which does not hold on disks):
        // B1 asks whether each shape reaches the disk's outcome, not whether the disk claim is true.
        string summary = $"carried-over claims, outcome of the disk claim's criterion on the shape with its estimate and 95% interval (outcome on disks); agreement, not the paper's observation, is what B1 judges: {table}"
            + (notRun.Count == 0 ? "" : $". Not run at this tier: {string.Join(", ", notRun)} (from the Experiment tier)")
            + (chart is null ? "" : $". Ellipses (a, b) with d = 2 (reported, not in the verdict): {chart.Summary}")
            + $". Per claim on the shapes: {string.Join(" | ", details)}";
        if (disagree.Count > 0)
            summary += $". Decided differently from disks: {string.Join(", ", disagree.Select(p => $"{p.Family.Name} {p.Claim}"))}";
        var (held, why) = Decide(pairs, context.MoreSeeds);
        return new(held, metrics, summary, figures, Undecided: why);
    }

    /// <summary>Every carried-over claim's estimate and interval per shape, disks beside them, each against its bar.</summary>
    static string DrawIntervals(ClaimContext context, IReadOnlyList<Pair> pairs)
    {
        var rows = new List<Figures.IntervalRow>();
        foreach (var group in pairs.GroupBy(p => p.Claim))
        {
            if (group.First().DiskEvidence is { } d)
                rows.Add(new($"disks {group.Key}", d.Interval.Estimate, d.Interval.Lower, d.Interval.Upper, d.Bar, Label(group.First().Disk)));
            foreach (var p in group.Where(p => p.ShapeEvidence is not null))
                rows.Add(new($"{p.Family.FileName} {p.Claim}", p.ShapeEvidence!.Interval.Estimate, p.ShapeEvidence.Interval.Lower, p.ShapeEvidence.Interval.Upper, p.ShapeEvidence.Bar, Label(p.Shape)));
        }
        return Figures.Intervals(context.FigurePath("b1_intervals.png"), "B1: the disk claims on squares and ellipses (estimate, 95% interval, bar)",
            "share of seeds (D12: improvement factor)", rows);
    }
}
