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

    protected override ClaimMeasurement Measure(ClaimContext context)
    {
        var experiment = PositionExperiment.Encoders(context.Budget);
        var seeds = experiment.Seeds;
        var trained = context.Get(experiment);
        using var untrained = new ConvStack("position-encoder", PositionNetworks.Encoder(experiment.SignalLength), seeds.Length);
        untrained.Initialise(seeds, 0);
        var metrics = new Dictionary<string, double>();
        int found = 0;
        double bestUntrained = 0;
        for (int k = 0; k < seeds.Length; k++)
        {
            double minCos = PositionExperiment.Filters(trained.Model, k).Min(FilterSimilarity.CosineTo121);
            metrics[$"min_layer_cosine[seed{seeds[k]}]"] = minCos;
            metrics[$"final_loss[seed{seeds[k]}]"] = trained.Result.FinalLoss[k];
            if (minCos >= MinCosine) found++;
            bestUntrained = Math.Max(bestUntrained, PositionExperiment.Filters(untrained, k).Min(FilterSimilarity.CosineTo121));
        }
        double share = (double)found / seeds.Length;
        metrics["share_of_seeds_with_all_layers_121"] = share;
        metrics["control_untrained_best_min_cosine"] = bestUntrained;
        var figure = Figures.Lines(context.FigurePath("fig9_learned_filters.png"),
            "Fig. 9: smallest |cos(filter, [1, 2, 1])| over the layers, per seed", "seed", "min over layers of |cos|",
            [new("trained", seeds.Select(s => (double)s).ToArray(), seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"]).ToArray(), Markers: true),
             new($"criterion {MinCosine}", [seeds[0], seeds[^1]], [MinCosine, MinCosine])]);
        var evidence = Evidence.Rate("share of seeds with [1, 2, 1] in every layer", found, seeds.Length, MinShare, "a Gpu-tier run");
        return new(share >= MinShare, metrics,
            $"{found}/{seeds.Length} seeds learn [1, 2, 1] (|cos| ≥ {MinCosine}) in every layer (criterion: ≥ {MinShare:P0} of seeds); per-seed smallest |cos| " +
            string.Join(", ", seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"].ToString("0.00"))) + $"; best untrained {bestUntrained:0.00}", [figure], evidence);
    }
}
