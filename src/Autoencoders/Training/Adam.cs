using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// Adam (Kingma &amp; Ba) with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8. Written out so its state (m, v, step)
/// is ours to checkpoint and resume exactly, and so it is element-wise: K batched models never interact.
/// </summary>
public sealed class Adam : IDisposable
{
    public const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    readonly IReadOnlyList<Tensor> parameters;
    /// <summary>The step size; the trainer may change it between steps (a decay schedule).</summary>
    public double LearningRate { get; set; }
    public List<Tensor> FirstMoments { get; }
    public List<Tensor> SecondMoments { get; }
    public long Step { get; set; }

    public Adam(IEnumerable<Tensor> parameters, double learningRate)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate)) throw new ArgumentException($"learning rate {learningRate} must be a finite number > 0");
        this.parameters = parameters.ToList();
        LearningRate = learningRate;
        FirstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
        SecondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToList();
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
        for (int i = 0; i < parameters.Count; i++)
        {
            var g = parameters[i].grad;
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
    }
}
