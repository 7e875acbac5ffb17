namespace Autoencoders.Claims;

/// <summary>Tiers, most to least thorough last: each check decides how much work a tier buys.</summary>
public enum Tier { Default, Experiment, Gpu }

/// <summary>
/// What a check may use: the tier, a base seed, a folder for its figures, a progress sink, and the two choices B3
/// varies (the blur σ of the disk data, and a factor on every training length).
/// </summary>
public sealed record ClaimContext(Tier Tier, int Seed, string FigureDirectory, Action<string>? Log = null)
{
    public double Sigma { get; init; } = 1.0;
    public double StepScale { get; init; } = 1.0;

    public static Tier ParseTier(string text) => text.Trim().ToLowerInvariant() switch
    {
        "default" => Tier.Default,
        "experiment" => Tier.Experiment,
        "gpu" => Tier.Gpu,
        _ => throw new ArgumentException($"unknown tier '{text}': use default, experiment or gpu"),
    };
}

/// <summary>Thrown by a check that does not run at the requested tier (reported as SKIPPED, with the reason).</summary>
public sealed class ClaimSkippedException(string reason) : Exception(reason);
