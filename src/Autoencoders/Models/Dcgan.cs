using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Models;

/// <summary>
/// A DCGAN (Radford et al.) for 64×64 grey images with a code of size d (App. D trains it with d = 1): transposed
/// 4×4 stride-2 convolutions with batch norm and ReLU in the generator, a sigmoid output in [0, 1] like the disk
/// images; strided 4×4 convolutions with batch norm and leaky ReLU (0.2) in the discriminator, which outputs a logit.
/// Channel widths are DCGAN's 64-based ladder scaled by <c>width</c> (8 → 128 at the default 2, small enough for a CPU).
/// </summary>
public sealed class Dcgan : nn.Module
{
    public int CodeSize { get; }
    public nn.Module<Tensor, Tensor> Generator { get; }
    public nn.Module<Tensor, Tensor> Discriminator { get; }
    readonly int top;

    public Dcgan(int codeSize = 1, int width = 16, int seed = 1) : base("dcgan")
    {
        if (codeSize < 1) throw new ArgumentException($"code size d = {codeSize} must be ≥ 1");
        if (width < 1) throw new ArgumentException($"DCGAN width {width} must be ≥ 1");
        CodeSize = codeSize;
        top = 8 * width;
        torch.random.manual_seed(seed);
        // z [B, d] → [B, 8w·4·4] → 8×8 → 16×16 → 32×32 → 64×64
        Generator = nn.Sequential(
            ("project", nn.Linear(codeSize, top * 16)),
            ("unflatten", nn.Unflatten(1, [top, 4, 4])),
            ("bn0", nn.BatchNorm2d(top)), ("relu0", nn.ReLU()),
            ("up1", nn.ConvTranspose2d(top, 4 * width, 4, stride: 2, padding: 1, bias: false)), ("bn1", nn.BatchNorm2d(4 * width)), ("relu1", nn.ReLU()),
            ("up2", nn.ConvTranspose2d(4 * width, 2 * width, 4, stride: 2, padding: 1, bias: false)), ("bn2", nn.BatchNorm2d(2 * width)), ("relu2", nn.ReLU()),
            ("up3", nn.ConvTranspose2d(2 * width, width, 4, stride: 2, padding: 1, bias: false)), ("bn3", nn.BatchNorm2d(width)), ("relu3", nn.ReLU()),
            ("up4", nn.ConvTranspose2d(width, 1, 4, stride: 2, padding: 1)), ("sigmoid", nn.Sigmoid()));
        // x [B, 1, 64, 64] → 32×32 → 16×16 → 8×8 → 4×4 → logit [B, 1]
        Discriminator = nn.Sequential(
            ("down1", nn.Conv2d(1, width, 4, stride: 2, padding: 1)), ("lrelu1", nn.LeakyReLU(0.2)),
            ("down2", nn.Conv2d(width, 2 * width, 4, stride: 2, padding: 1, bias: false)), ("bn2", nn.BatchNorm2d(2 * width)), ("lrelu2", nn.LeakyReLU(0.2)),
            ("down3", nn.Conv2d(2 * width, 4 * width, 4, stride: 2, padding: 1, bias: false)), ("bn3", nn.BatchNorm2d(4 * width)), ("lrelu3", nn.LeakyReLU(0.2)),
            ("down4", nn.Conv2d(4 * width, top, 4, stride: 2, padding: 1, bias: false)), ("bn4", nn.BatchNorm2d(top)), ("lrelu4", nn.LeakyReLU(0.2)),
            ("flatten", nn.Flatten()), ("logit", nn.Linear(top * 16, 1)));
        register_module("generator", Generator);
        register_module("discriminator", Discriminator);
    }

    /// <summary>Codes [B, d] → images [B, 1, 64, 64].</summary>
    public Tensor Generate(Tensor codes) => Generator.forward(codes);
}
