using Autoencoders.Analysis;

namespace Autoencoders.Tests.Properties;

/// <summary>The one did-not-train rule: the unexplained share above the architecture's floor, and its bar.</summary>
public class TrainabilityTests
{
    static readonly float[][] Targets = Enumerable.Range(0, 12).Select(i => Enumerable.Range(0, 20).Select(j => (float)Math.Sin(0.3 * i * j + i) + (j < i ? 1f : 0f)).ToArray()).ToArray();

    static float[] Mean(float[][] xs) => Enumerable.Range(0, xs[0].Length).Select(j => xs.Average(x => x[j])).ToArray();

    [Test]
    public void A_perfect_output_scores_0_and_the_constant_mean_scores_1()
    {
        var mean = Mean(Targets);
        Assert.Multiple(() =>
        {
            Assert.That(Trainability.Of(Targets, Targets).Relative, Is.EqualTo(0).Within(1e-12));
            Assert.That(Trainability.Of(Targets.Select(_ => mean).ToArray(), Targets).Relative, Is.EqualTo(1).Within(1e-6));
            Assert.That(Trainability.Of(Targets, Targets).Trained, Is.True);
            Assert.That(Trainability.Of(Targets.Select(_ => mean).ToArray(), Targets).Trained, Is.False, "a constant output did not train");
            Assert.That(Trainability.Of(Targets.Select(x => x.Select(_ => float.NaN).ToArray()).ToArray(), Targets).Trained, Is.False, "a diverged run did not train");
        });
    }

    /// <summary>
    /// The rank-one floor is what the best rank-one output leaves (Eckart–Young); that output, which is all a bias-free
    /// network can give, scores 0 above the floor, as a full network at its optimum does.
    /// </summary>
    [Test]
    public void The_best_rank_one_output_scores_0_above_the_rank_one_floor()
    {
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(Targets.Length, Targets[0].Length, (i, j) => Targets[i][j]);
        var svd = m.Svd();
        var best = (svd.S[0] * svd.U.Column(0).ToColumnMatrix() * svd.VT.Row(0).ToRowMatrix());
        var rankOne = Enumerable.Range(0, Targets.Length).Select(i => best.Row(i).Select(v => (float)v).ToArray()).ToArray();
        double floor = Trainability.RankOneFloor(Targets);
        var t = Trainability.Of(rankOne, Targets, floor);
        Assert.Multiple(() =>
        {
            Assert.That(floor, Is.InRange(0.0, 1.0));
            Assert.That(t.Unexplained, Is.EqualTo(floor).Within(1e-5), "Eckart–Young: the best rank-one error");
            Assert.That(t.Relative, Is.EqualTo(0).Within(1e-4));
            Assert.That(Trainability.Of(rankOne, Targets).Relative, Is.EqualTo(floor).Within(1e-5), "without the floor the same output looks poor");
        });
    }

    [Test]
    public void Mismatched_outputs_and_targets_are_refused() =>
        Assert.Throws<ArgumentException>(() => Trainability.Of(Targets.Take(3).ToArray(), Targets));
}
