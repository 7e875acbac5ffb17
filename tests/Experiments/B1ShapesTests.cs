using Autoencoders.Claims;
using Autoencoders.Configuration;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// B1 (#19): the disk claims carried over to squares and 2:1 ellipses. At the default tier each carried claim runs on
/// one seed per shape (INCONCLUSIVE by construction, as the disk claims there); what the test pins is the verdict, that
/// every comparison ran and trained, and what the one seed did where its margin is wide.
/// </summary>
public class B1ShapesTests
{
    static ClaimResult? defaultRun;
    /// <summary>The check at the default tier, run once for the three tests (its trainings are cached anyway).</summary>
    static ClaimResult DefaultRun() => defaultRun ??= ClaimAssert.MatchesRecordedVerdict("B1", Tier.Default, [Verdict.Inconclusive]);

    static double Metric(string name) => DefaultRun().Metrics.TryGetValue(name, out var v) ? v : throw new AssertionException($"B1 reports no metric {name}");

    [Test, Claim("B1"), Category("DefaultTier")]
    public void One_seed_per_shape_cannot_decide_but_every_comparison_ran()
    {
        var r = defaultRun ??= ClaimAssert.MatchesRecordedVerdict("B1", Tier.Default, [Verdict.Inconclusive]);
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Inconclusive), "one seed per shape cannot decide a rate against 0.5");
            Assert.That(Metric("pairs"), Is.EqualTo(8), "D2, D3, D6, D9 on squares and on ellipses");
            Assert.That(Metric("pairs_undecided"), Is.EqualTo(8), "one seed decides no side of any comparison");
            foreach (var shape in new[] { "squares", "ellipses" })
                foreach (var claim in new[] { "D2", "D3", "D6", "D9" })
                    Assert.That(Metric($"{shape}.{claim}.runs_trained"), Is.EqualTo(1), $"{shape} {claim}: the one seed trained");
        });
    }

    [Test, Claim("B1"), Category("DefaultTier")]
    public void Squares_and_ellipses_are_reconstructed_and_their_bias_free_outputs_are_one_profile()
    {
        // Wide margins on the one seed (measured on AMD EPYC, 2 threads: relative errors 0.006–0.008 against 0.02,
        // σ₁² shares 1.00000 against 0.999, biased controls 0.85–0.86 against 0.99).
        Assert.Multiple(() =>
        {
            foreach (var shape in new[] { "squares", "ellipses" })
            {
                Assert.That(Metric($"{shape}.D2.estimate"), Is.EqualTo(1), $"{shape}: D2 held on the seed");
                Assert.That(Metric($"{shape}.D6.estimate"), Is.EqualTo(1), $"{shape}: D6 held on the seed");
                Assert.That(Metric($"{shape}.D3.spearman_abs[seed1]"), Is.GreaterThanOrEqualTo(0.99), $"{shape}: the code is monotone in the size");
            }
        });
    }

    [Test, Claim("B1"), Category("DefaultTier")]
    public void The_learned_profile_is_the_Airy_profile_of_the_shapes_gauge_and_not_of_the_disks()
    {
        // The generalised Prop. 2: f(x) = φ(g(x)) with the shape's own gauge g. The control reads the same outputs along
        // the disk's gauge, which must not fit (D9's bound 0.1).
        Assert.Multiple(() =>
        {
            foreach (var shape in new[] { "squares", "ellipses" })
            {
                Assert.That(Metric($"{shape}.D9.learned_max_gap[seed1]"), Is.LessThan(0.1), $"{shape}: learned profile against φ∘g");
                Assert.That(Metric($"{shape}.D9.control_gap_disk_gauge[seed1]"), Is.GreaterThanOrEqualTo(0.1), $"{shape}: the disk's gauge must not fit");
            }
        });
    }

    /// <summary>
    /// Recorded on fresh seeds 101–106 (spec/claims.md, B1), 12 comparisons: INCONCLUSIVE; D6 and D9 decided on both
    /// shapes as on disks (6/6), D2, D3, D11 and D12 undecided on shapes and disks alike, no comparison disagreeing; the
    /// d = 2 ellipses reported. The hole comparisons ran per shape on all six seeds, D11 with its control (no FAIL).
    /// </summary>
    [Test, Claim("B1"), Category("Experiment")]
    public void Over_six_seeds_the_rank_one_output_and_the_gauge_profile_carry_over_and_nothing_disagrees()
    {
        var r = ClaimAssert.MatchesRecordedVerdict("B1", Tier.Experiment, [Verdict.Inconclusive]);
        double M(string name) => r.Metrics.TryGetValue(name, out var v) ? v : throw new AssertionException($"B1 reports no metric {name}");
        Assert.Multiple(() =>
        {
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Inconclusive));
            Assert.That(M("pairs"), Is.EqualTo(12), "D2, D3, D6, D9, D11 and D12 on squares and on ellipses");
            Assert.That(M("pairs_disagreeing"), Is.Zero, "no claim decided differently on a shape than on disks");
            foreach (var shape in new[] { "squares", "ellipses" })
                foreach (var claim in new[] { "D11", "D12" })
                {
                    Assert.That(M($"{shape}.{claim}.runs_trained"), Is.EqualTo(6), $"{shape} {claim}: every run trained");
                    Assert.That(M($"{shape}.{claim}.decided"), Is.Zero, $"{shape} {claim}: undecided at six seeds, as recorded");
                }
            foreach (var shape in new[] { "squares", "ellipses" })
                foreach (var claim in new[] { "D6", "D9" })
                {
                    Assert.That(M($"{shape}.{claim}.decided"), Is.EqualTo(1), $"{shape} {claim} decided");
                    Assert.That(M($"{shape}.{claim}.interval_lower"), Is.GreaterThanOrEqualTo(0.5), $"{shape} {claim} held over six seeds");
                }
            Assert.That(r.Metrics.Keys.Where(k => k.StartsWith("ellipses_ab.control_relative_error[")), Has.Exactly(6).Items, "the d = 2 ellipses' control ran per seed");
        });
    }
}
