using Autoencoders.Models;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>
/// The autoencoder loss of Eq. 1 plus λψ (Sec. 4.4.1): for model k,
/// L_k = (1/B) Σ_b ‖x_b − D(E(x_b))‖² + λ_k ψ(…). Images [N, …] are shared by all models; each draws its own batches.
/// </summary>
public sealed class ReconstructionObjective : IObjective
{
    public Autoencoder Model { get; }
    public Tensor Images { get; }
    public Regulariser Regulariser { get; }
    public double[] Lambdas { get; }
    readonly Tensor lambdas;

    public ReconstructionObjective(Autoencoder model, Tensor images, Regulariser regulariser = Regulariser.None, double[]? lambdas = null)
    {
        Model = model;
        Images = images;
        Regulariser = regulariser;
        Lambdas = lambdas ?? new double[model.Models];
        if (Lambdas.Length != model.Models) throw new ArgumentException($"{Lambdas.Length} λ values for {model.Models} models");
        if (Lambdas.Any(l => !(l >= 0) || !double.IsFinite(l))) throw new ArgumentException($"λ values [{string.Join(", ", Lambdas)}] must be finite and ≥ 0");
        this.lambdas = tensor(Lambdas.Select(l => (float)l).ToArray()).to(images.device);
    }

    public nn.Module Module => Model;
    public int Models => Model.Models;
    public int DatasetSize => (int)Images.shape[0];

    public Tensor Loss(Tensor batchIndices, Random neighbourRandom)
    {
        long k = batchIndices.shape[0], b = batchIndices.shape[1];
        var x = Images.index_select(0, batchIndices.flatten()).view([k, b, .. Images.shape[1..]]).transpose(0, 1); // [B, K, …]
        var z = Model.Encode(x);
        var y = Model.Decode(z);
        var data = (y - x).pow(2).transpose(0, 1).reshape(k, b, -1).sum(2).mean([1]); // [K]
        if (Regulariser == Regulariser.None) return data;
        Tensor? neighbours = null;
        if (Regulariser == Regulariser.LatentLocality)
        {
            var idx = new long[k * b];
            for (int m = 0; m < k; m++)
                for (int i = 0; i < b; i++)
                {
                    int j = neighbourRandom.Next((int)b - 1);
                    idx[m * b + i] = j >= i ? j + 1 : j; // a partner other than itself
                }
            neighbours = tensor(idx, [k, b]).to(x.device);
        }
        return data + lambdas * Regularisers.Value(Regulariser, Model, x, z, neighbours);
    }

    public string Describe() => $"{Model.Config}, ψ={Regulariser}, λ=[{string.Join(", ", Lambdas)}]";
}
