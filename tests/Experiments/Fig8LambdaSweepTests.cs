using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>Fig. 8 (D13): raising λ for ψ3 smooths the code across the hole until training fails.</summary>
public class Fig8LambdaSweepTests
{
    [Test, Claim("D13"), Category("Experiment")]
    public void Raising_lambda_smooths_the_code_until_training_fails() => ClaimAssert.MatchesRecordedVerdict("D13", Tier.Experiment);

    [Test, Claim("D13"), Category("Gpu")]
    public void Raising_lambda_over_seven_values() => ClaimAssert.MatchesRecordedVerdict("D13", Tier.Gpu);
}
