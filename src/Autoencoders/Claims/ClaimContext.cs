namespace Autoencoders.Claims;

/// <summary>Tiers, most to least thorough last: each check decides how much work a tier buys.</summary>
public enum Tier { Default, Experiment, Gpu }

/// <summary>What a check may use: the tier, a base seed, a folder for its figures, and a progress sink.</summary>
public sealed record ClaimContext(Tier Tier, int Seed, string FigureDirectory, Action<string>? Log = null)
{
    public static Tier ParseTier(string text) => text.Trim().ToLowerInvariant() switch
    {
        "default" => Tier.Default,
        "experiment" => Tier.Experiment,
        "gpu" => Tier.Gpu,
        _ => throw new ArgumentException($"unknown tier '{text}': use default, experiment or gpu"),
    };
}
