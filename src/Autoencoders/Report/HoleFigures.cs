using Autoencoders.Data;
using Autoencoders.Experiments;

namespace Autoencoders.Report;

/// <summary>Figs. 7 and 8: how the code of hole-trained networks crosses the hole.</summary>
public static class HoleFigures
{
    /// <summary>
    /// The normalised code against r around the hole, one line per model of <paramref name="training"/> (labelled by
    /// seed, or by λ when the models differ in λ); runs that failed or diverged have no code to draw and are left out.
    /// </summary>
    public static string CodeAcrossHole(string path, string caption, DiskExperiment training, DiskEvaluation[] evaluations, Hole hole)
    {
        var shown = new RadiusWindow(hole.Low - 7, hole.High + 8);
        var series = evaluations.Select((ev, k) => (ev, k)).Where(p => HoleCode.Normalised(p.ev, hole).All(double.IsFinite)).Select(p =>
        {
            var (ev, k) = p;
            var idx = shown.IndicesIn(ev.Radii);
            var normalised = HoleCode.Normalised(ev, hole);
            string label = training.Lambdas is { } l && l.Distinct().Count() > 1 ? $"λ = {l[k]:G2}" : $"seed {training.Seeds[k]}";
            return new Figures.Series(label, idx.Select(i => ev.Radii[i]).ToArray(), idx.Select(i => normalised[i]).ToArray());
        }).ToArray();
        return Figures.Lines(path, $"{caption}: code across the hole {hole.Caption}, 0 at r = {hole.AnchorBelow}, 1 at r = {hole.AnchorAbove}",
            "disk radius r", "normalised code z", series, marks: [hole.Low, hole.High]);
    }
}
