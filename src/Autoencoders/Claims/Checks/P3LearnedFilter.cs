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

    /// <summary>
    /// Fig. 9 as the paper draws it: each layer's learned filter, normalised (centre tap positive, largest tap 1), per
    /// seed, beside [1, 2, 1] normalised the same way ([0.5, 1, 0.5]); taps at x = 4(l − 1) + j, the dead tap (layer 6,
    /// tap 0, never trained) marked by a dashed line.
    /// </summary>
    static string DrawFilters(string path, int[] seeds, double[][][] filters, int signalLength)
    {
        int layers = filters[0].Length;
        double X(int l, int j, int k) => 4 * l + j + 0.06 * (k - seeds.Length / 2.0);
        var series = new List<Figures.Series>
        {
            new("[1, 2, 1] normalised", Enumerable.Range(0, layers).SelectMany(l => new[] { 4.0 * l, 4 * l + 1, 4 * l + 2 }).ToArray(),
                Enumerable.Range(0, layers).SelectMany(_ => new[] { 0.5, 1, 0.5 }).ToArray(), Markers: true),
        };
        for (int k = 0; k < seeds.Length; k++)
        {
            // Scaled by the largest live tap: the dead tap keeps its random initial value, which would otherwise set the scale.
            var normalised = filters[k].Select((f, l) =>
            {
                var live = FilterSimilarity.LiveTaps(signalLength >> l);
                double peak = Enumerable.Range(0, 3).Where(j => live[j]).Max(j => Math.Abs(f[j])), sign = f[1] < 0 ? -1 : 1;
                return f.Select(v => sign * v / (peak + 1e-30)).ToArray();
            }).ToArray();
            series.Add(new($"seed {seeds[k]}", Enumerable.Range(0, layers).SelectMany(l => Enumerable.Range(0, 3).Select(j => X(l, j, k))).ToArray(),
                normalised.SelectMany(f => f).ToArray(), Markers: true));
        }
        double[] dead = Enumerable.Range(0, layers).SelectMany(l => Enumerable.Range(0, 3).Where(j => !FilterSimilarity.LiveTaps(signalLength >> l)[j]).Select(j => 4.0 * l + j)).ToArray();
        return Figures.Lines(path, "Fig. 9: learned filters per layer (normalised) beside [1, 2, 1]; dashed: a dead tap", "layer, taps 0 1 2", "tap / largest live |tap|",
            [.. series], ScottPlot.Alignment.LowerLeft, marks: dead, xTicks: Enumerable.Range(0, layers).Select(l => (4.0 * l + 1, $"layer {l + 1}")).ToArray());
    }

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
        // #16.1: does a run that reaches the regression's optimum find [1, 2, 1] ("training finds it") or do the runs
        // that miss it also stop short of the optimum ("training often stops short")? Rank correlation over seeds
        // between the final loss and the smallest |cos|: strongly negative means the better-trained runs are nearer.
        double lossVsCosine = seeds.Length < 3 ? double.NaN
            : MathNet.Numerics.Statistics.Correlation.Spearman(seeds.Select((_, k) => trained.Result.FinalLoss[k]), seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"]));
        metrics["spearman_final_loss_vs_min_cosine"] = lossVsCosine;
        int best = Enumerable.Range(0, seeds.Length).MinBy(k => trained.Result.FinalLoss[k]);
        var figure = DrawFilters(context.FigurePath("fig9_learned_filters.png"), seeds, seeds.Select((_, k) => PositionExperiment.Filters(trained.Model, k)).ToArray(), experiment.SignalLength);
        var cosines = Figures.Lines(context.FigurePath("fig9_smallest_cosine_per_seed.png"),
            "P3: smallest |cos(filter, [1, 2, 1])| over the layers (live taps), per seed", "seed", "min over layers of |cos|",
            [new("trained", seeds.Select(s => (double)s).ToArray(), seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"]).ToArray(), Markers: true),
             new($"criterion {MinCosine}", [seeds[0], seeds[^1]], [MinCosine, MinCosine])], xTicks: Figures.IntegerTicks(seeds));
        var evidence = Evidence.Rate("share of trained seeds with [1, 2, 1] in every layer", foundTrained, trainability.Count(t => t.Trained), seeds.Length, MinShare, context.MoreSeeds);
        // Negative control, asserted (#16.7): untrained filters must not pass the per-seed test, or the test means nothing.
        if (bestUntrained >= MinCosine)
            throw new InvalidOperationException($"negative control failed: an untrained encoder has |cos| ≥ {MinCosine} in every layer ({bestUntrained:0.00})");
        return new(true, metrics,
            $"{found}/{seeds.Length} seeds learn [1, 2, 1] (|cos| ≥ {MinCosine}) in every layer (criterion: ≥ {MinShare:P0} of seeds); per-seed smallest |cos| " +
            string.Join(", ", seeds.Select(s => metrics[$"min_layer_cosine[seed{s}]"].ToString("0.00"))) + $"; best untrained {bestUntrained:0.00}. Final loss against smallest |cos| over seeds: Spearman {lossVsCosine:0.00}; the seed with the lowest loss ({seeds[best]}, {trained.Result.FinalLoss[best]:0.00000}) has smallest |cos| {metrics[$"min_layer_cosine[seed{seeds[best]}]"]:0.00}", [figure, cosines], evidence);
    }
}
