using Autoencoders.Data;

namespace Autoencoders.Claims.Checks;

/// <summary>
/// B2Q: the quadrant split of Not-so-Clevr (extrapolation: every centre with x, y ≥ 33 held out), where CoordConv
/// reports plain convolution's starkest failure; see <see cref="B2PositionCheck"/>. From the Experiment tier.
/// </summary>
public sealed class B2QuadrantPosition : B2PositionCheck
{
    public override string Id => "B2Q";
    protected override NotSoClevrSplit Split => NotSoClevrSplit.Quadrant;
}
