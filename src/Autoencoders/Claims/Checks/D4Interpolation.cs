using Autoencoders.Analysis;
using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>D4: decoding a linear sweep of z between a small and a large disk's codes gives disks of intermediate size.</summary>
public sealed class D4Interpolation : DiskClaimCheck<D4Interpolation.Seed>
{
    public override string Id => "D4";
    public const double SmallRadius = 10, LargeRadius = 28, MaxDiskMismatch = 0.15;
    const int Steps = 12;

    public sealed record Seed(bool Monotone, bool Inside, double MinRadius, double MaxRadius, double MaxMismatch, double ControlBlendMismatch) : ISeedMeasurement
    {
        public bool Held => Monotone && Inside && MaxMismatch < MaxDiskMismatch;
        public string? FailedControl => ControlBlendMismatch >= MaxDiskMismatch ? null : $"pixel blends are within {ControlBlendMismatch:0.000} of a disk (< {MaxDiskMismatch})";
        public IEnumerable<(string, double)> Metrics() =>
            [("monotone", Monotone ? 1 : 0), ("min_radius", MinRadius), ("max_radius", MaxRadius), ("max_disk_mismatch", MaxMismatch), ("control_pixel_blend_mismatch", ControlBlendMismatch)];
    }

    protected override IEnumerable<DiskExperiment> Subjects(DiskSuite suite, ClaimContext context) => [suite.Full];

    protected override Seed MeasureSeed(DiskSuite suite, int k, ClaimContext context)
    {
        var model = context.Get(suite.Full).Model;
        var renderer = new ExactRenderer(suite.Full.Grid, suite.Full.Sigma);
        using var ends = ShapeDataset.Disks(renderer, [SmallRadius, LargeRadius]);
        var codes = DiskEvaluation.Of(model, ends)[k].Codes;
        var sweep = Enumerable.Range(0, Steps).Select(i => codes[0] + (codes[1] - codes[0]) * i / (Steps - 1)).ToArray();
        var images = DiskEvaluation.Decode(model, k, sweep);
        var radii = images.Select(DiskMeasures.RadiusFromArea).ToArray();
        double mismatch = images.Max(img => DiskMeasures.DiskMismatch(img, renderer));
        // Negative control: blending the two end images in pixel space moves the mass monotonically, but the blends are not disks.
        var a = renderer.Render(Disk.Centred(renderer.Grid, SmallRadius));
        var b = renderer.Render(Disk.Centred(renderer.Grid, LargeRadius));
        double blendMismatch = DiskMeasures.DiskMismatch(a.Zip(b, (u, v) => 0.5f * (u + v)).ToArray(), renderer);
        return new(Fits.IsMonotone(radii, 0.05), radii.All(r => r >= SmallRadius - 1.5 && r <= LargeRadius + 1.5), radii.Min(), radii.Max(), mismatch, blendMismatch);
    }

    protected override List<string> Draw(DiskSuite suite, ClaimContext context)
    {
        var model = context.Get(suite.Full).Model;
        var renderer = new ExactRenderer(suite.Full.Grid, suite.Full.Sigma);
        using var ends = ShapeDataset.Disks(renderer, [SmallRadius, LargeRadius]);
        var codes = DiskEvaluation.Of(model, ends)[0].Codes;
        var images = DiskEvaluation.Decode(model, 0, Enumerable.Range(0, 8).Select(i => codes[0] + (codes[1] - codes[0]) * i / 7).ToArray());
        var a = renderer.Render(Disk.Centred(renderer.Grid, SmallRadius));
        var b = renderer.Render(Disk.Centred(renderer.Grid, LargeRadius));
        var blends = Enumerable.Range(0, 8).Select(i => a.Zip(b, (u, v) => (float)(u + (v - u) * i / 7.0)).ToArray()).ToArray();
        return [Figures.ImageRows(context.FigurePath("fig3_interpolation.png"), $"Fig. 3 (left): decoded linear sweep of z, r = {SmallRadius} to {LargeRadius}",
            [("decoded z sweep", images), ("control: pixel blend", blends)])];
    }

    protected override string Describe(IReadOnlyList<Seed> s) =>
        $"{Steps} decoded codes from r = {SmallRadius} to {LargeRadius}: radii {Range(s, m => m.MinRadius, "0.0")}…{Range(s, m => m.MaxRadius, "0.0")}, monotone in {s.Count(m => m.Monotone)}/{s.Count}; worst distance to a disk {Range(s, m => m.MaxMismatch, "0.000")} (< {MaxDiskMismatch}); pixel-blend control {Range(s, m => m.ControlBlendMismatch, "0.00")}";
}
