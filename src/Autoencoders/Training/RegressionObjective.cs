using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// Supervised training of K stacked 1-D nets (Sec. 5): inputs [N, c, n] to targets [N, c′, n′], loss per model
/// (1/B) Σ_b ‖net(input_b) − target_b‖². Used for the position encoder (Dirac → position) and decoder (position → Dirac).
/// </summary>
public sealed class RegressionObjective(ConvStack net, Tensor inputs, Tensor targets) : IObjective
{
    public ConvStack Net { get; } = net;
    public nn.Module Module => Net;
    public int Models => Net.Models;
    public int DatasetSize => (int)inputs.shape[0];

    /// <summary>Evaluates all K models on one input batch [B, c, n]: returns [B, K, c′, n′].</summary>
    public static Tensor Apply(ConvStack net, Tensor input)
    {
        long b = input.shape[0];
        var stacked = input.unsqueeze(1).expand([b, net.Models, .. input.shape[1..]]).reshape([b, -1, .. input.shape[2..]]);
        var output = net.forward(stacked);
        return output.view([b, net.Models, -1, .. output.shape[2..]]);
    }

    public Tensor Loss(Tensor batchIndices, Random neighbourRandom)
    {
        long k = batchIndices.shape[0], b = batchIndices.shape[1];
        var x = inputs.index_select(0, batchIndices.flatten()).view([k, b, .. inputs.shape[1..]]).transpose(0, 1); // [B, K, c, n]
        var t = targets.index_select(0, batchIndices.flatten()).view([k, b, .. targets.shape[1..]]).transpose(0, 1);
        var y = Net.forward(x.reshape([b, -1, .. x.shape[3..]])).view(t.shape);
        return (y - t).pow(2).transpose(0, 1).reshape(k, b, -1).sum(2).mean([1]);
    }

    public string Describe() => $"1-D net [{string.Join(",", Net.Spec.Channels)}]{(Net.Spec.Bias ? "+b" : "")} regression";
}
