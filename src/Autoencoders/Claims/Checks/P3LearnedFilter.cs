using Autoencoders.Experiments;
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

    public static int Seeds(Tier tier) => tier == Tier.Default ? 5 : 10;
    public static int Steps(Tier tier) => tier == Tier.Default ? 1500 : 4000;

    /// <summary>|cos| between a filter and [1, 2, 1] (scale and sign do not matter).</summary>
    public static double Cosine(double[] f) => Math.Abs(f[0] + 2 * f[1] + f[2]) / (Math.Sqrt(6) * Math.Sqrt(f.Sum(v => v * v)) + 1e-30);

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        int[] seeds = Enumerable.Range(context.Seed + 1, Seeds(context.Tier)).ToArray();
        var (net, result) = PositionExperiment.SharedEncoder(seeds, Steps(context.Tier));
        var untrained = new Models.ConvStack("position-encoder", Models.PositionNetworks.Encoder(PositionExperiment.SignalLength), seeds.Length);
        untrained.Initialise(seeds, 0);
        var metrics = new Dictionary<string, double>();
        int found = 0;
        double worstUntrained = 0;
        for (int k = 0; k < seeds.Length; k++)
        {
            var filters = PositionExperiment.Filters(net, k);
            double minCos = filters.Min(Cosine);
            metrics[$"min_layer_cosine[seed{seeds[k]}]"] = minCos;
            metrics[$"final_loss[seed{seeds[k]}]"] = result.FinalLoss[k];
            if (minCos >= MinCosine) found++;
            worstUntrained = Math.Max(worstUntrained, PositionExperiment.Filters(untrained, k).Min(Cosine));
        }
        double share = (double)found / seeds.Length;
        metrics["share_of_seeds_with_all_layers_121"] = share;
        metrics["control_untrained_best_min_cosine"] = worstUntrained;
        untrained.Dispose();
        var figure = Figures.Lines(Path.Combine(context.FigureDirectory, "fig9_learned_filters.png"),
            "Fig. 9: smallest |cos(filter, [1, 2, 1])| over the layers, per seed", "seed", "min over layers of |cos|",
            [new("trained", seeds.Select(s => (double)s).ToArray(), seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"]).ToArray(), Markers: true),
             new($"criterion {MinCosine}", [seeds[0], seeds[^1]], [MinCosine, MinCosine])]);
        return (share >= MinShare, metrics,
            $"{found}/{seeds.Length} seeds learn [1, 2, 1] (|cos| ≥ {MinCosine}) in every layer (criterion: ≥ {MinShare:P0} of seeds); per-seed smallest |cos| " +
            string.Join(", ", seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"].ToString("0.00"))) + $"; best untrained {worstUntrained:0.00}", [figure]);
    }
}
