using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// Adam (Kingma &amp; Ba) with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8. Written out so its state (m, v, step)
/// is ours to checkpoint and resume exactly, and so it is element-wise: K batched models never interact.
/// </summary>
/// <remarks>
/// Two ways to run the same update. Per parameter: eight element-wise calls for each parameter tensor (224 a step for the
/// disk autoencoder's 28), what the CPU runs, bit-identical to every earlier run. Fused (the default on CUDA, where
/// each call is a kernel launch and a step of these small networks costs mostly launches): the moments live in one flat
/// buffer each (the per-parameter moments are views of it, so checkpoints are unchanged), the gradients are gathered
/// into one, and the update is eight calls over all parameters plus one add per parameter. The two agree to float
/// rounding (tested), not to the bit.
/// </remarks>
public sealed class Adam : IDisposable
{
    public const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    readonly IReadOnlyList<Tensor> parameters;
    /// <summary>The step size; the trainer may change it between steps (a decay schedule).</summary>
    public double LearningRate { get; set; }
    /// <summary>m per parameter (views of one flat buffer when fused: fill them in place, never replace them).</summary>
    public IReadOnlyList<Tensor> FirstMoments { get; }
    /// <summary>v per parameter, as <see cref="FirstMoments"/>.</summary>
    public IReadOnlyList<Tensor> SecondMoments { get; }
    public long Step { get; set; }
    /// <summary>Whether the update runs fused over flat buffers (see remarks).</summary>
    public bool Fused { get; }
    readonly Tensor? flatFirst, flatSecond;

    /// <param name="fused">Null: fused where every parameter is on one CUDA device with one dtype; true or false to choose.</param>
    public Adam(IEnumerable<Tensor> parameters, double learningRate, bool? fused = null)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate)) throw new ArgumentException($"learning rate {learningRate} must be a finite number > 0");
        this.parameters = parameters.ToList();
        LearningRate = learningRate;
        bool canFuse = this.parameters.Count > 0 && this.parameters.All(p => p.device_type == this.parameters[0].device_type && p.device_index == this.parameters[0].device_index && p.dtype == this.parameters[0].dtype);
        if (fused == true && !canFuse) throw new ArgumentException("a fused Adam needs at least one parameter, all on one device with one dtype");
        Fused = fused ?? (canFuse && this.parameters[0].device_type == TorchSharp.DeviceType.CUDA);
        if (Fused)
        {
            long total = this.parameters.Sum(p => p.numel());
            var first = this.parameters[0];
            flatFirst = zeros(total, dtype: first.dtype, device: first.device).DetachFromDisposeScope();
            flatSecond = zeros(total, dtype: first.dtype, device: first.device).DetachFromDisposeScope();
            FirstMoments = Views(flatFirst);
            SecondMoments = Views(flatSecond);
        }
        else
        {
            FirstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
            SecondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
        }
    }

    /// <summary>One view of <paramref name="flat"/> per parameter, shaped as the parameter, in order.</summary>
    List<Tensor> Views(Tensor flat)
    {
        var views = new List<Tensor>(parameters.Count);
        long offset = 0;
        foreach (var p in parameters)
        {
            using var slice = flat.narrow(0, offset, p.numel());
            views.Add(slice.view(p.shape).DetachFromDisposeScope());
            offset += p.numel();
        }
        return views;
    }

    /// <summary>
    /// Whether this optimiser updates exactly these tensors (the same objects, in order). A module moved by .to(device)
    /// after the optimiser was made has new parameters, and the optimiser would step the old, disposed ones.
    /// </summary>
    public bool Updates(IReadOnlyList<Tensor> tensors) =>
        tensors.Count == parameters.Count && tensors.Zip(parameters).All(pair => ReferenceEquals(pair.First, pair.Second));

    public void Update()
    {
        Step++;
        double c1 = 1 - Math.Pow(Beta1, Step), c2 = 1 - Math.Pow(Beta2, Step);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        // Each read of .grad makes a handle: read them once. A parameter without a gradient is left alone, moments
        // included; the fused update needs every gradient.
        var grads = parameters.Select(p => p.grad).ToList();
        if (Fused && grads.All(g => g is not null))
        {
            var g = cat(grads.Select(t => t!.reshape(-1)).ToList(), 0);
            flatFirst!.mul_(Beta1).add_(g, alpha: 1 - Beta1);
            flatSecond!.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            var step = flatFirst.div((flatSecond / c2).sqrt_().add_(Epsilon)).mul_(-LearningRate / c1);
            long offset = 0;
            foreach (var p in parameters)
            {
                p.add_(step.narrow(0, offset, p.numel()).view(p.shape));
                offset += p.numel();
            }
            return;
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            var g = grads[i];
            if (g is null) continue;
            FirstMoments[i].mul_(Beta1).add_(g, alpha: 1 - Beta1);
            SecondMoments[i].mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            var denom = (SecondMoments[i] / c2).sqrt_().add_(Epsilon);
            parameters[i].addcdiv_(FirstMoments[i], denom, value: -LearningRate / c1);
        }
    }

    public void ZeroGrad()
    {
        foreach (var p in parameters) p.grad?.zero_();
    }

    public void Dispose()
    {
        foreach (var t in FirstMoments.Concat(SecondMoments)) t.Dispose();
        flatFirst?.Dispose();
        flatSecond?.Dispose();
    }
}
