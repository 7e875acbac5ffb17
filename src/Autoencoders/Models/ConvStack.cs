using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>The shape of one chain of stride-2, size-3 convolutions (Sec. 3, Eq. 3).</summary>
/// <param name="Channels">Depths from input to output, e.g. [1, 8, 4, 4, 3, 2, 1] for the disk encoder.</param>
/// <param name="Transposed">Up-sampling (decoder) layers instead of down-sampling (encoder) ones.</param>
/// <param name="Bias">Whether every layer has a bias.</param>
/// <param name="Dimensions">1 for signals (Sec. 5), 2 for images.</param>
/// <param name="Slope">Leaky-ReLU slope α (Eq. 2); 1 makes the net linear (Prop. 3's network).</param>
/// <param name="Coordinates">CoordConv (B2): which layers also read two coordinate channels, the row and the column of
/// each input sample scaled to [−1, 1] (<see cref="CoordinateChannels"/>), appended to their input. 2-D only.</param>
public sealed record ConvStackSpec(int[] Channels, bool Transposed, bool Bias, int Dimensions = 2, double Slope = 0.2, CoordinateLayers Coordinates = CoordinateLayers.None)
{
    /// <summary>Whether layer <paramref name="layer"/> reads the coordinate channels.</summary>
    public bool ReadsCoordinates(int layer) => Coordinates == CoordinateLayers.EveryLayer || (Coordinates == CoordinateLayers.Input && layer == 0);

    /// <summary>The channels layer <paramref name="layer"/> reads: its input depth, plus the coordinates under CoordConv.</summary>
    public int InputChannels(int layer) => Channels[layer] + (ReadsCoordinates(layer) ? 2 : 0);

    public int Layers => Channels.Length - 1;

    public void Check()
    {
        if (Channels.Length < 2) throw new ArgumentException("a conv stack needs at least an input and an output depth");
        if (Channels.Any(c => c < 1)) throw new ArgumentException($"depths [{string.Join(", ", Channels)}] must all be ≥ 1");
        if (Dimensions is not (1 or 2)) throw new ArgumentException($"conv stacks are 1-D or 2-D, not {Dimensions}-D");
        if (!(Slope >= 0 && Slope <= 1)) throw new ArgumentException($"leaky-ReLU slope {Slope} must be in [0, 1]");
        if (Coordinates != CoordinateLayers.None && Dimensions != 2) throw new ArgumentException("coordinate channels are for 2-D stacks");
    }
}

/// <summary>Which layers of a stack read CoordConv's coordinate channels.</summary>
public enum CoordinateLayers { None, Input, EveryLayer }

/// <summary>
/// K independent copies of one conv chain evaluated together as grouped convolutions: model k owns channel block k
/// of every layer, so one forward pass trains K seeds or K λ values at once, and no value crosses between models.
/// Shapes: input [B, K·c₀, n…], output [B, K·c_L, n·2^{∓L}…]. Every layer: stride-2 convolution of size 3
/// (padding 1), then leaky ReLU (Eq. 3). Up-sampling layers are transposed convolutions (stride 2, padding 1,
/// output padding 1), which is exactly zero-insertion up-sampling followed by a size-3 convolution: n → 2n.
/// </summary>
public sealed class ConvStack : nn.Module<Tensor, Tensor>
{
    public ConvStackSpec Spec { get; }
    public int Models { get; }

    public ConvStack(string name, ConvStackSpec spec, int models) : base(name)
    {
        spec.Check();
        if (models < 1) throw new ArgumentException($"need at least one model (got {models})");
        Spec = spec;
        Models = models;
        for (int l = 0; l < spec.Layers; l++)
        {
            long cin = spec.InputChannels(l), cout = spec.Channels[l + 1];
            long[] kernel = spec.Dimensions == 2 ? new long[] { 3, 3 } : new long[] { 3 };
            // Grouped-conv layouts: conv [K·cout, cin, k…]; transposed conv [K·cin, cout, k…]. Dim 0 splits by model.
            long[] shape = spec.Transposed ? [models * cin, cout, .. kernel] : [models * cout, cin, .. kernel];
            register_parameter($"w{l}", new Parameter(zeros(shape)));
            if (spec.Bias) register_parameter($"b{l}", new Parameter(zeros(models * cout)));
        }
    }

    // Looked up by name at every use, never kept: Module.to(device or dtype) replaces the registered Parameter objects
    // and disposes the old ones, so a list filled in the constructor would point at dead tensors after a move to CUDA
    // ("Tensor invalid -- empty handle"; on the CPU .to(CPU) moves nothing, which hid it).
    Parameter Weight(int layer) => get_parameter($"w{layer}") ?? throw new InvalidOperationException($"{StackName} has no layer {layer}");
    Parameter? Bias(int layer) => Spec.Bias ? get_parameter($"b{layer}") : null;

    public IReadOnlyList<Parameter> Weights => Enumerable.Range(0, Spec.Layers).Select(Weight).ToArray();
    public IReadOnlyList<Parameter?> Biases => Enumerable.Range(0, Spec.Layers).Select(Bias).ToArray();

    /// <summary>
    /// PyTorch's default initialisation, drawn per model from its own seed: U(−b, b) with b = 1/√fan_in,
    /// fan_in = size(1)·kernel size of the (ungrouped) weight. Model k's values depend only on seeds[k].
    /// </summary>
    public void Initialise(IReadOnlyList<int> seeds, int stream)
    {
        if (seeds.Count != Models) throw new ArgumentException($"{seeds.Count} seeds for {Models} models");
        using var _ = no_grad();
        for (int k = 0; k < Models; k++)
        {
            var random = new Random(Data.StableSeed.Of(seeds[k], $"{name}/{stream}"));
            for (int l = 0; l < Spec.Layers; l++)
            {
                var w = Weight(l);
                long perModel = w.shape[0] / Models;
                long fanIn = w.shape[1] * (Spec.Dimensions == 2 ? 9 : 3);
                double bound = 1 / Math.Sqrt(fanIn);
                var slice = w.narrow(0, k * perModel, perModel);
                slice.copy_(Uniform(random, slice.shape, bound));
                if (Bias(l) is { } b)
                {
                    long cout = b.shape[0] / Models;
                    b.narrow(0, k * cout, cout).copy_(Uniform(random, [cout], bound));
                }
            }
        }
    }

    static Tensor Uniform(Random random, long[] shape, double bound)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        var values = new float[n];
        for (long i = 0; i < n; i++) values[i] = (float)((2 * random.NextDouble() - 1) * bound);
        return tensor(values, shape);
    }

    public override Tensor forward(Tensor x) => Run(x, absolute: false, everyLayer: false)[^1];

    /// <summary>The output of every layer u(1), …, u(L) (after its non-linearity), for inspection (Table 2).</summary>
    public List<Tensor> ForwardLayers(Tensor x) => Run(x, absolute: false, everyLayer: true);

    /// <summary>
    /// The same layers with |w|, |b| and no non-linearity, applied to |x|: a bound on the magnitude of every term summed
    /// on the way, hence the scale of float rounding errors (used to judge Prop. 1 in float32 despite cancellation).
    /// </summary>
    public Tensor ForwardMagnitude(Tensor x) => Run(x.abs(), absolute: true, everyLayer: false)[^1];

    /// <summary>
    /// The layers' outputs (every layer's, or the last one's only). With <see cref="SplitModels"/> the large layers run
    /// model by model, each model's chain on its own contiguous tensors, and the small layers (side below 16, where a
    /// call costs more than its arithmetic) run as one grouped call for all K models. The models are concatenated only
    /// where the chain turns grouped or an output is returned: concatenating after every layer copied each activation
    /// twice more (and its gradient too), which made K = 5 models cost 6.7× one (spec/settings.md).
    /// </summary>
    List<Tensor> Run(Tensor x, bool absolute, bool everyLayer)
    {
        bool canSplit = Models > 1 && SplitModels && Spec.Dimensions == 2 && x.device_type == DeviceType.CPU;
        Tensor[] chain = [x]; // one grouped tensor [B, K·c, s, s], or K tensors [B, c, s, s], one per model
        var outputs = new List<Tensor>();
        for (int l = 0; l < Spec.Layers; l++)
        {
            bool split = canSplit && (!GroupSmallLayers || LargeLayer(chain[0].shape[^1]));
            if (split && chain.Length == 1) chain = chain[0].chunk(Models, 1);
            if (!split && chain.Length > 1) chain = [cat(chain, 1)];
            Tensor w = absolute ? Weight(l).abs() : Weight(l);
            Tensor? b = Bias(l) is { } bias ? (absolute ? bias.abs() : bias) : null;
            // The activation is part of the layer (fused in our kernels); |·| bounds have none.
            double slope = absolute ? 1 : Spec.Slope;
            int groups = split ? 1 : Models;
            for (int m = 0; m < chain.Length; m++)
            {
                var input = Spec.ReadsCoordinates(l) ? WithCoordinates(chain[m], groups, absolute) : chain[m];
                chain[m] = split ? Layer(input, Slice(w, m), b is null ? null : Slice(b, m), 1, slope) : Layer(input, w, b, groups, slope);
            }
            if (everyLayer || l == Spec.Layers - 1) outputs.Add(chain.Length == 1 ? chain[0] : cat(chain, 1));
        }
        return outputs;
    }

    /// <summary>Whether a layer whose input side is <paramref name="side"/> is large (its larger side, input or output, at least 16).</summary>
    bool LargeLayer(long side) => (Spec.Transposed ? 2 * side : side) >= 16;

    /// <summary>x [B, K·c, s, s] → [B, K·(c + 2), s, s] for its K = <paramref name="models"/> blocks: each block gets the row and column coordinates after its c channels.</summary>
    static Tensor WithCoordinates(Tensor x, int models, bool absolute)
    {
        long b = x.shape[0], s = x.shape[2];
        var coordinates = CoordinateChannels.Grid(s, x.dtype, x.device); // [2, s, s]
        if (absolute) coordinates = coordinates.abs();
        var blocks = x.view(b, models, -1, s, s);
        return cat([blocks, coordinates.expand(b, models, 2, s, s)], 2).view(b, -1, s, s);
    }

    /// <summary>Sets every layer's weights of every model to <paramref name="filter"/> (a hand-crafted network).</summary>
    public void SetAllWeights(float[] filter)
    {
        using var _ = no_grad();
        foreach (var w in Weights)
        {
            if (w.shape[^1] != filter.Length) throw new ArgumentException($"filter of size {filter.Length} for kernels of size {w.shape[^1]}");
            w.copy_(tensor(filter).expand(w.shape));
        }
        foreach (var b in Biases) b?.zero_();
    }

    /// <summary>
    /// Evaluate the K models of a 2-D stack one after the other instead of as one grouped convolution. libtorch's CPU
    /// grouped (transposed) 2-D convolutions for these tiny depths are slower than K plain ones (spec/settings.md);
    /// 1-D stacks are tiny, so per-call overhead dominates and they stay grouped, and so do stacks on a GPU, where one
    /// grouped call for all K models is what makes batching seeds pay. Both paths compute the same function (tested);
    /// this stack's own setting, so flipping it affects no other network.
    /// </summary>
    public bool SplitModels { get; set; } = true;

    /// <summary>
    /// Under <see cref="SplitModels"/>, run the small layers (side below 16) of all K models as one grouped call: their
    /// cost is per call, not arithmetic. Off: every layer model by model. Both compute the same function (tested).
    /// </summary>
    public bool GroupSmallLayers { get; set; } = true;

    /// <summary>The module name; it also seeds the initialisation (<see cref="Initialise"/>).</summary>
    public string StackName => name ?? "stack";

    Tensor Slice(Tensor t, int k) { long per = t.shape[0] / Models; return t.narrow(0, k * per, per); }

    /// <summary>
    /// Run the 2-D layers of one model on <see cref="StridedConvKernels"/> (our CPU kernels) where they apply, instead of
    /// libtorch's convolutions, which are several times slower at these depths (spec/settings.md, the step profile).
    /// Both compute the same function up to float rounding (tested, values and gradients).
    /// </summary>
    public bool OwnKernels { get; set; } = true;

    /// <summary>Layer <paramref name="layer"/> of model <paramref name="model"/> alone on x [B, c, n…] (its activation included), for profiling.</summary>
    public Tensor ApplyLayer(int layer, Tensor x, int model = 0) =>
        Layer(x, Slice(Weight(layer), model), Bias(layer) is { } b ? Slice(b, model) : null, 1, Spec.Slope);

    /// <summary>One layer: the convolution, its bias and the leaky ReLU of slope <paramref name="slope"/> (1: none).</summary>
    Tensor Layer(Tensor x, Tensor w, Tensor? b, int groups, double slope)
    {
        if (OwnKernels && groups == 1 && Spec.Dimensions == 2 && StridedConv.Applies(x, Spec.Transposed))
            return StridedConv.Layer(x, w, b, slope, Spec.Transposed, Runtime.TorchRuntime.Threads);
        var y = Convolution(x, w, b, groups);
        return slope == 1 ? y : nn.functional.leaky_relu(y, slope);
    }

    Tensor Convolution(Tensor x, Tensor w, Tensor? b, int groups)
    {
        long[] s = Spec.Dimensions == 2 ? [2, 2] : [2], p = Spec.Dimensions == 2 ? [1, 1] : [1];
        return (Spec.Transposed, Spec.Dimensions) switch
        {
            (false, 2) => nn.functional.conv2d(x, w, b, strides: s, padding: p, groups: groups),
            (false, _) => nn.functional.conv1d(x, w, b, stride: 2, padding: 1, groups: groups),
            (true, 2) => nn.functional.conv_transpose2d(x, w, b, strides: s, padding: p, output_padding: [1, 1], groups: groups),
            (true, _) => nn.functional.conv_transpose1d(x, w, b, stride: 2, padding: 1, output_padding: 1, groups: groups),
        };
    }

    /// <summary>Σ‖w‖² over this stack's weights (not biases), one value per model: [K].</summary>
    public Tensor WeightNormSquared()
    {
        Tensor total = zeros(Models, device: Weight(0).device);
        foreach (var w in Weights) total = total + w.view(Models, -1).pow(2).sum(1);
        return total;
    }
}
