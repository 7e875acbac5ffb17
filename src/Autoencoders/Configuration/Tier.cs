namespace Autoencoders.Configuration;

/// <summary>How much work a run buys, least to most: the budget of every experiment follows from it (<see cref="Budget"/>).</summary>
public enum Tier { Default, Experiment, Gpu }

public static class Tiers
{
    /// <summary>Parses "default", "experiment" or "gpu" (any case); throws naming the bad value.</summary>
    public static Tier Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "default" => Tier.Default,
        "experiment" => Tier.Experiment,
        "gpu" => Tier.Gpu,
        _ => throw new ArgumentException($"unknown tier '{text}': use default, experiment or gpu"),
    };

    public static string Name(this Tier tier) => tier.ToString().ToLowerInvariant();
}
