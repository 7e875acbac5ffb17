using Autoencoders.Analysis;
using Autoencoders.Experiments;
using Autoencoders.Models;
using Autoencoders.Report;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// P3 (Sec. 5.3, Fig. 9): the 1-D position encoder trained by gradient descent (depth-1 layers, biases, leaky ReLU)
/// finds filters close to [1, 2, 1] up to scale.
/// </summary>
public sealed class P3LearnedFilter : ClaimCheck
{
    public override string Id => "P3";
    public const double MinCosine = 0.95, MinShare = 0.8;

    /// <summary>
    /// |cos(filter, [1, 2, 1])| per layer over the taps that see data (#16.1): layer l reads n / 2^(l−1) samples, and
    /// the last layer (2 samples) has a dead left tap, so it is compared as [w₁, w₂] against [2, 1].
    /// </summary>
    public static double[] LayerCosines(double[][] filters, int signalLength) =>
        filters.Select((f, l) => FilterSimilarity.CosineTo121(f, FilterSimilarity.LiveTaps(signalLength >> l))).ToArray();

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var experiment = PositionExperiment.Encoders(context.Budget);
        var seeds = experiment.Seeds;
        var trained = context.Get(experiment);
        using var untrained = new ConvStack("position-encoder", PositionNetworks.Encoder(experiment.SignalLength), seeds.Length);
        untrained.Initialise(seeds, 0);
        var metrics = new Dictionary<string, double>();
        var trainability = experiment.Trainability(trained.Model);
        int found = 0, foundTrained = 0;
        double bestUntrained = 0;
        for (int k = 0; k < seeds.Length; k++)
        {
            var layers = LayerCosines(PositionExperiment.Filters(trained.Model, k), experiment.SignalLength);
            for (int l = 0; l < layers.Length; l++) metrics[$"layer_cosine[seed{seeds[k]},layer{l + 1}]"] = layers[l];
            double minCos = layers.Min();
            metrics[$"min_layer_cosine[seed{seeds[k]}]"] = minCos;
            metrics[$"final_loss[seed{seeds[k]}]"] = trained.Result.FinalLoss[k];
            metrics[$"unexplained_share[seed{seeds[k]}]"] = trainability[k].Relative;
            if (minCos >= MinCosine) found++;
            if (minCos >= MinCosine && trainability[k].Trained) foundTrained++;
            bestUntrained = Math.Max(bestUntrained, LayerCosines(PositionExperiment.Filters(untrained, k), experiment.SignalLength).Min());
        }
        double share = (double)found / seeds.Length;
        metrics["share_of_seeds_with_all_layers_121"] = share;
        metrics["control_untrained_best_min_cosine"] = bestUntrained;
        var figure = Figures.Lines(context.FigurePath("fig9_learned_filters.png"),
            "Fig. 9: smallest |cos(filter, [1, 2, 1])| over the layers, per seed", "seed", "min over layers of |cos|",
            [new("trained", seeds.Select(s => (double)s).ToArray(), seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"]).ToArray(), Markers: true),
             new($"criterion {MinCosine}", [seeds[0], seeds[^1]], [MinCosine, MinCosine])]);
        var evidence = Evidence.Rate("share of trained seeds with [1, 2, 1] in every layer", foundTrained, trainability.Count(t => t.Trained), seeds.Length, MinShare, "a Gpu-tier run");
        // Negative control, asserted (#16.7): untrained filters must not pass the per-seed test, or the test means nothing.
        return new(bestUntrained < MinCosine, metrics,
            $"{found}/{seeds.Length} seeds learn [1, 2, 1] (|cos| ≥ {MinCosine}) in every layer (criterion: ≥ {MinShare:P0} of seeds); per-seed smallest |cos| " +
            string.Join(", ", seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"].ToString("0.00"))) + $"; best untrained {bestUntrained:0.00}", [figure], evidence);
    }
}
