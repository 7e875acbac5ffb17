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

    /// <summary>One carried-over claim on one shape and on disks: outcome, estimate and interval of each.</summary>
    public sealed record Pair(string Claim, ShapeFamily Family, Outcome Disk, Outcome Shape, Evidence? DiskEvidence, Evidence? ShapeEvidence)
    {
        public bool Decided => Disk != Outcome.Undecided && Shape != Outcome.Undecided;
        public bool Disagree => Decided && Disk != Shape;
        public string Text => $"{Claim} {Label(Shape)}{Numbers(ShapeEvidence)} (disks {Label(Disk)}{Numbers(DiskEvidence)})";
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
                metrics[$"{key}.same_outcome_as_disks"] = pair.Disk == pair.Shape ? 1 : 0;
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
        var undecided = pairs.Where(p => !p.Decided).ToList();
        metrics["pairs"] = pairs.Count;
        metrics["pairs_disagreeing"] = disagree.Count;
        metrics["pairs_undecided"] = undecided.Count;
        string table = string.Join("; ", Families.Select(f => $"{f.Name}: " + string.Join(", ", pairs.Where(p => p.Family == f).Select(p => p.Text))));
        string summary = $"carried-over claims, outcome on the shape with its estimate and 95% interval (outcome on disks): {table}"
            + (chart is null ? "" : $". Ellipses (a, b) with d = 2 (reported, not in the verdict): {chart.Summary}")
            + $". Per claim on the shapes: {string.Join(" | ", details)}";
        string? why = undecided.Count == 0 ? null
            : $"{undecided.Count} of {pairs.Count} comparisons have an undecided side ({string.Join(", ", undecided.Select(p => $"{p.Family.FileName} {p.Claim}"))}); {context.MoreSeeds}";
        if (disagree.Count > 0)
            summary += $". Decided differently from disks: {string.Join(", ", disagree.Select(p => $"{p.Family.Name} {p.Claim}"))}";
        return new(disagree.Count == 0, metrics, summary, figures, Undecided: why);
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
