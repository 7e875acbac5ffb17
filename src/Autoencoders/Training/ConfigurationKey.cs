using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoencoders.Training;

/// <summary>
/// The identity of a configuration record: its canonical JSON (every public property and field, nested records
/// included, by construction; only members marked [JsonIgnore] are left out), prefixed with its type name. Two
/// configurations that differ in any field get different keys, so a field added later can never give a stale hit.
/// </summary>
public static class ConfigurationKey
{
    static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>"Namespace.TypeName {json}" (the full name: two types of one name in different namespaces never share a key).</summary>
    public static string Text(object configuration) =>
        $"{configuration.GetType().FullName} {JsonSerializer.Serialize(configuration, configuration.GetType(), Options)}";

    /// <summary>A short hash of <see cref="Text"/> and <paramref name="salt"/> (library versions, format), for file names.</summary>
    public static string Hash(object configuration, string salt = "") =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}|{Text(configuration)}")))[..20].ToLowerInvariant();
}
