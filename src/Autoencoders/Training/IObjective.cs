using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// What a training run minimises, per model: given batch indices [K, B] into the training set, the loss of each of
/// the K models, [K]. The trainer sums them (models are independent, so each gets its own gradient).
/// </summary>
public interface IObjective
{
    nn.Module Module { get; }
    int Models { get; }
    int DatasetSize { get; }
    Tensor Loss(Tensor batchIndices, Random neighbourRandom);
    string Describe();
}
