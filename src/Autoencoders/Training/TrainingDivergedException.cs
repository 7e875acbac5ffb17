namespace Autoencoders.Training;

/// <summary>A loss became NaN or infinite: training cannot continue meaningfully.</summary>
public sealed class TrainingDivergedException(int model, int step, double loss, string configuration)
    : Exception($"training diverged: model {model} had loss {loss} at step {step} ({configuration}); lower the learning rate or λ")
{
    public int Model { get; } = model;
    public int Step { get; } = step;
    public double Loss { get; } = loss;
}
