using MathNet.Numerics.LinearAlgebra;

namespace Autoencoders.Analysis;

/// <summary>
/// Whether a run trained: the one rule every training claim applies to its runs (spec/claims.md, "Runs that did not
/// train"). The measured quantity is the unexplained share of the run's own data,
///   u = Σᵢ ‖yᵢ − xᵢ‖² / Σᵢ ‖xᵢ − x̄‖²,
/// the error of the run's outputs yᵢ over the error of the best constant output, the data's mean x̄ (1 − R²). Where a
/// network cannot beat a rank-one output by construction (no biases anywhere: Prop. 1 makes its output
/// y(z) = |z| D(±1), one direction per sign of the code), u is measured above that floor:
///   u' = (u − u₁) / (1 − u₁),  u₁ = the unexplained share of the best rank-one approximation of the data,
/// so that a bias-free network at its optimum scores 0 like a full network at its optimum. A run did not train when
/// u' ≥ <see cref="MaxUnexplained"/> (or is not finite: a diverged run): it explains less than a fifth of what a
/// constant output leaves unexplained. A constant output scores 1 by definition, a collapsed code about 1, a GAN whose
/// discriminator won far above 1; every run measured that learned something, however poorly, scored at most 0.56
/// (P4's worst paper-depth decoder, which still lands 86% of its peaks within a pixel). spec/claims.md lists the runs.
/// </summary>
public sealed record Trainability(double Unexplained, double Floor)
{
    public const double MaxUnexplained = 0.8;

    /// <summary>u' — the unexplained share above the architecture's floor, 0 at the optimum, 1 at the data's mean.</summary>
    public double Relative => (Unexplained - Floor) / (1 - Floor);

    public bool Trained => double.IsFinite(Relative) && Relative < MaxUnexplained;

    /// <summary>The share for outputs <paramref name="outputs"/> of targets <paramref name="targets"/> (equal shapes), above <paramref name="floor"/>.</summary>
    public static Trainability Of(IReadOnlyList<float[]> outputs, IReadOnlyList<float[]> targets, double floor = 0)
    {
        if (outputs.Count != targets.Count || targets.Count < 2)
            throw new ArgumentException($"trainability needs paired outputs and targets, at least two (got {outputs.Count} and {targets.Count})");
        double error = 0;
        for (int i = 0; i < targets.Count; i++)
            for (int j = 0; j < targets[i].Length; j++)
            {
                double e = outputs[i][j] - targets[i][j];
                error += e * e;
            }
        return new(error / Spread(targets), floor);
    }

    /// <summary>
    /// u₁: the unexplained share (as in <see cref="Of"/>) of the best rank-one approximation through the origin of
    /// the targets, Σσᵢ² − σ₁² over Σ‖xᵢ − x̄‖² (Eckart–Young; σ the singular values of the n × d target matrix,
    /// from the eigenvalues of its n × n Gram matrix).
    /// </summary>
    public static double RankOneFloor(IReadOnlyList<float[]> targets)
    {
        int n = targets.Count, d = targets[0].Length;
        var gram = Matrix<double>.Build.Dense(n, n, (i, k) =>
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += (double)targets[i][j] * targets[k][j];
            return s;
        });
        var eigen = gram.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(c => c.Real).ToArray();
        double total = eigen.Sum(), top = eigen.Max();
        return (total - top) / Spread(targets);
    }

    /// <summary>Σᵢ ‖xᵢ − x̄‖²: what the best constant output leaves unexplained.</summary>
    static double Spread(IReadOnlyList<float[]> targets)
    {
        int n = targets.Count, d = targets[0].Length;
        var mean = new double[d];
        foreach (var x in targets) for (int j = 0; j < d; j++) mean[j] += x[j] / (double)n;
        double spread = 0;
        foreach (var x in targets) for (int j = 0; j < d; j++) spread += (x[j] - mean[j]) * (x[j] - mean[j]);
        return spread;
    }
}
