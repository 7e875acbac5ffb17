using Autoencoders.Theory;

namespace Autoencoders.Claims.Checks;

/// <summary>D9 (theory part): the numerical maximiser of J(f) is the Airy closed form. The learned part lands with #6.</summary>
public sealed class D9OptimalProfile : ClaimCheck
{
    public override string Id => "D9";
    public const int GridPoints = 300;
    public const double Tolerance = 1e-5;

    protected override (bool, Dictionary<string, double>, string, List<string>) Measure(ClaimContext context)
    {
        var gaps = new[] { 8.0, 18, 32, 45 }.Select(r => OptimalProfile.MaxDifference(r, GridPoints)).ToArray();
        var metrics = new Dictionary<string, double> { ["max_gap_numerical_vs_airy"] = gaps.Max(), ["first_zero_x0"] = OptimalProfile.FirstZero(), ["k_R32"] = OptimalProfile.K(32) };
        return (gaps.Max() < Tolerance, metrics, $"numerical optimum (n = {GridPoints}) vs Airy closed form, R ∈ {{8, 18, 32, 45}}: max gap {gaps.Max():0.00e+0} (< {Tolerance:0e+0}); x₀ = {OptimalProfile.FirstZero():0.000000}", []);
    }
}
