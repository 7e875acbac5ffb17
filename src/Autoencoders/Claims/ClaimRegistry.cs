using System.Text.RegularExpressions;

namespace Autoencoders.Claims;

/// <summary>
/// The claims of spec/claims.md, parsed. Each claim is a level-2 heading "## ID · title" followed by
/// "- **Field:** value" lines (Paper, Statement, Tier, Expected, Criterion, Why fair, Status).
/// The file is embedded in this assembly, so tests and `verify` read the same registry.
/// </summary>
public sealed partial class ClaimRegistry
{
    public IReadOnlyList<ClaimEntry> Claims { get; }

    public ClaimRegistry(IReadOnlyList<ClaimEntry> claims) => Claims = claims;

    public static ClaimRegistry Default { get; } = Load();

    public bool Contains(string id) => Claims.Any(c => c.Id == id);

    public ClaimEntry this[string id] =>
        Claims.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"claim '{id}' is not in spec/claims.md (known: {string.Join(", ", Claims.Select(c => c.Id))})");

    static ClaimRegistry Load()
    {
        using var stream = typeof(ClaimRegistry).Assembly.GetManifestResourceStream("claims.md")
            ?? throw new InvalidOperationException("spec/claims.md is not embedded in the Autoencoders assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    [GeneratedRegex(@"^## ([DPB]\d+Q?)\s*·\s*(.+?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^- \*\*([^*:]+):\*\*\s*(.*)$")]
    private static partial Regex FieldLine();

    public static ClaimRegistry Parse(string markdown)
    {
        var claims = new List<ClaimEntry>();
        string? id = null, title = null;
        var fields = new Dictionary<string, string>();
        string? lastField = null;
        void Flush()
        {
            if (id is not null) claims.Add(new ClaimEntry(id, title!, new Dictionary<string, string>(fields)));
            fields.Clear();
            lastField = null;
        }
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var h = Heading().Match(line);
            if (h.Success) { Flush(); id = h.Groups[1].Value; title = h.Groups[2].Value; continue; }
            if (line.StartsWith("#")) { Flush(); id = null; continue; }
            if (id is null) continue;
            var f = FieldLine().Match(line);
            if (f.Success) { lastField = f.Groups[1].Value.Trim(); fields[lastField] = f.Groups[2].Value.Trim(); }
            else if (lastField is not null && line.StartsWith("  ") && line.Trim().Length > 0) fields[lastField] += " " + line.Trim();
        }
        Flush();
        var duplicate = claims.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"spec/claims.md lists claim {duplicate.Key} twice");
        return new ClaimRegistry(claims);
    }
}
