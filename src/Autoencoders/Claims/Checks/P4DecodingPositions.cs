using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;
using MathNet.Numerics.Statistics;
using TorchSharp;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// P4 (Sec. 5.4, Fig. 10): the 1-D decoder (depths 1, 2, 4, 4, 4, 8; size-3 filters, biases, leaky ReLU) trained on
/// triangular Diracs at continuous positions decodes a sweep of z to single peaks that move monotonically and land
/// within a pixel of the target.
/// </summary>
public sealed class P4DecodingPositions : ClaimCheck
{
    public override string Id => "P4";
    /// <summary>A seed decodes when this share of the sweep lands within a pixel and its peak moves forward this often.</summary>
    public const double MinWithinPixel = 0.95, MinForward = 0.95, MinShareOfSeeds = 0.8;
    /// <summary>The width factor of the finding reported beside the verdict: hidden depths 8, 16, 16, 16, 32.</summary>
    public const int WideWidth = 4;

    static double[] Sweep => DecodedDiracs.QuarterPixelSweep;
    static double WithinPixel(DecodedDiracs d) => d.WithinPixelShare;

    /// <summary>The per-seed test: most of the sweep within a pixel, the peak moving forward.</summary>
    public static bool Decodes(DecodedDiracs d) => WithinPixel(d) >= MinWithinPixel && d.ForwardShare >= MinForward;

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var experiment = PositionExperiment.Decoders(context.Budget, continuous: true);
        var seeds = experiment.Seeds;
        var decoded = DecodedDiracs.Of(context.Get(experiment).Model, Sweep);
        using var untrained = new ConvStack("position-decoder", PositionNetworks.Decoder(), seeds.Length);
        untrained.Initialise(seeds, 0);
        untrained.to(Runtime.TorchRuntime.Device); // DecodedDiracs sends its codes there (a CPU control failed on CUDA)
        var control = DecodedDiracs.Of(untrained, Sweep);

        var metrics = new Dictionary<string, double>();
        for (int k = 0; k < seeds.Length; k++)
        {
            metrics[$"within_1px[seed{seeds[k]}]"] = WithinPixel(decoded[k]);
            metrics[$"forward_share[seed{seeds[k]}]"] = decoded[k].ForwardShare;
            metrics[$"mean_peak_error_px[seed{seeds[k]}]"] = decoded[k].PeakErrors.Average();
            metrics[$"worst_peak_error_px[seed{seeds[k]}]"] = decoded[k].PeakErrors.Max();
        }
        var trainability = experiment.Trainability(context.Get(experiment).Model);
        for (int k = 0; k < seeds.Length; k++) metrics[$"unexplained_share[seed{seeds[k]}]"] = trainability[k].Relative;
        int good = decoded.Count(Decodes), goodTrained = Enumerable.Range(0, seeds.Length).Count(k => Decodes(decoded[k]) && trainability[k].Trained);
        double share = (double)good / seeds.Length;
        metrics["share_of_seeds_decoding"] = share;
        metrics["control_untrained_best_within_1px"] = control.Max(WithinPixel);
        // Finding, not the verdict (Experiment tier and above): the same training with 4× the hidden depths.
        DecodedDiracs[]? wide = !context.Budget.Positions.WideDecoder ? null
            : DecodedDiracs.Of(context.Get(PositionExperiment.Decoders(context.Budget, continuous: true, WideWidth)).Model, Sweep);
        if (wide is not null)
        {
            metrics["wide_share_of_seeds_decoding"] = wide.Count(Decodes) / (double)seeds.Length;
            metrics["wide_worst_within_1px"] = wide.Min(WithinPixel);
        }

        int best = Enumerable.Range(0, seeds.Length).MaxBy(k => WithinPixel(decoded[k]) + decoded[k].ForwardShare);
        int worst = Enumerable.Range(0, seeds.Length).MinBy(k => WithinPixel(decoded[k]) + decoded[k].ForwardShare);
        var figures = new List<string>
        {
            Figures.Heatmap(context.FigurePath("fig10_decoded_diracs.png"),
                $"Fig. 10: decoded Diracs, best seed ({seeds[best]}), each row normalised", "sample t", "target position a (z = a/64)", Sweep, decoded[best].Outputs),
            Figures.Heatmap(context.FigurePath("fig10_decoded_diracs_worst_seed.png"),
                $"Fig. 10, worst seed ({seeds[worst]}): each row normalised", "sample t", "target position a (z = a/64)", Sweep, decoded[worst].Outputs),
            Figures.Lines(context.FigurePath("fig10_peak_positions.png"),
                "Fig. 10: decoded peak position against the target, per seed", "target position a", "decoded peak position",
                [.. Enumerable.Range(0, seeds.Length).Select(k => new Figures.Series($"seed {seeds[k]}", Sweep, decoded[k].Peaks)),
                 new Figures.Series("target", Sweep, Sweep)]),
        };
        var evidence = Evidence.Rate("share of trained seeds that decode", goodTrained, trainability.Count(t => t.Trained), seeds.Length, MinShareOfSeeds, context.MoreSeeds);
        // Negative control, asserted (#16.7): no untrained decoder may pass the per-seed test.
        if (control.Any(Decodes)) throw new InvalidOperationException("negative control failed: an untrained decoder passes the per-seed decoding test");
        return new(true, metrics,
            $"{good}/{seeds.Length} seeds decode (≥ {MinWithinPixel:P0} of a = 0.5…62.5 within 1 px and peaks moving forward ≥ {MinForward:P0}; criterion ≥ {MinShareOfSeeds:P0} of seeds); " +
            $"within 1 px per seed {string.Join(", ", seeds.Select(s => metrics[$"within_1px[seed{s}]"].ToString("0.00")))}, " +
            $"worst errors {string.Join(", ", seeds.Select(s => metrics[$"worst_peak_error_px[seed{s}]"].ToString("0.0")))} px; untrained best {metrics["control_untrained_best_within_1px"]:0.00}" +
            (wide is null ? "" : $". Finding: with {WideWidth}× the depths {wide.Count(Decodes)}/{seeds.Length} seeds decode (least within 1 px: {metrics["wide_worst_within_1px"]:0.00})"),
            figures, evidence);
    }
}
