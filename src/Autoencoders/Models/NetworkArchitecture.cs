using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>
/// What a checkpoint needs to rebuild a trained network before loading its weights: exactly one of an autoencoder's
/// configuration or a conv stack's specification (with its module name, which seeds its initialisation).
/// </summary>
public sealed record NetworkArchitecture(AutoencoderConfig? Autoencoder = null, ConvStackSpec? Stack = null, string? StackName = null)
{
    public static NetworkArchitecture Of(nn.Module model) => model switch
    {
        Models.Autoencoder a => new(Autoencoder: a.Config),
        ConvStack s => new(Stack: s.Spec, StackName: s.StackName),
        _ => throw new ArgumentException($"no checkpoint format for a {model.GetType().Name}"),
    };

    /// <summary>A freshly initialised network of this architecture with one model per seed.</summary>
    public nn.Module Build(int[] seeds)
    {
        if (Autoencoder is not null && Stack is null) return new Autoencoder(Autoencoder, seeds);
        if (Stack is not null && Autoencoder is null)
        {
            var net = new ConvStack(StackName ?? "stack", Stack, seeds.Length);
            net.Initialise(seeds, 0);
            return net;
        }
        throw new InvalidDataException("a network architecture names exactly one of an autoencoder or a conv stack");
    }

    public override string ToString() => Autoencoder?.ToString() ?? $"{StackName} {Stack}";
}
