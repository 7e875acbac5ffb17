namespace Autoencoders.Claims;

/// <summary>One claim of the registry (spec/claims.md): what the paper says, where, and how we judge it.</summary>
public sealed record ClaimEntry(string Id, string Title, IReadOnlyDictionary<string, string> Fields)
{
    public string Field(string name) => Fields.TryGetValue(name, out var v) ? v : "";
    public string Paper => Field("Paper");
    public string Statement => Field("Statement");
    public string Tier => Field("Tier");
    public string Criterion => Field("Criterion");
    public string Expected => Field("Expected");
    /// <summary>"tested", or "pending #N" naming the open issue that will add its test.</summary>
    public string Status => Field("Status");
    public bool IsPending => Status.StartsWith("pending", StringComparison.OrdinalIgnoreCase);
}
