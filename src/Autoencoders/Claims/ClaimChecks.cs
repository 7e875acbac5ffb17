using Autoencoders.Claims.Checks;

namespace Autoencoders.Claims;

/// <summary>Every implemented claim check, by id. A registry entry without one here reports PENDING.</summary>
public static class ClaimChecks
{
    public static IReadOnlyDictionary<string, ClaimCheck> All { get; } = new ClaimCheck[]
    {
        new D1DiskConvergence(), new D2Reconstruction(), new D3AreaCode(), new D4Interpolation(), new D5BiasFreeEncoder(),
        new D6RankOne(), new D7Homogeneity(), new D8ScalarProduct(), new D10Extrapolation(), new D11Hole(), new D12Regularisers(), new D13LambdaSweep(), new D14CodeInstability(), new D15Dcgan(), new D9OptimalProfile(), new P1Table2(), new P2PositionFilter(), new P3LearnedFilter(), new P4DecodingPositions(), new P5DiscreteDecoding(), new B3Robustness(),
    }.ToDictionary(c => c.Id);
}
