using Autoencoders.Data;

namespace Autoencoders.Claims.Checks;

/// <summary>B2: the uniform split of Not-so-Clevr (interpolation between training positions); see <see cref="B2PositionCheck"/>.</summary>
public sealed class B2PlainConvolutionPosition : B2PositionCheck
{
    public override string Id => "B2";
    protected override NotSoClevrSplit Split => NotSoClevrSplit.Uniform;
}
