using System.Globalization;

namespace Autoencoders.Claims;

/// <summary>
/// How a check's summary states one measure over its seeds: "v" for one seed, "min–max" over several. A seed whose
/// measure is undefined (NaN: a network that draws nothing has no profile) is counted, not mixed into the range:
/// "min–max (1 undefined)", or "undefined" when none is defined.
/// </summary>
public static class SeedRange
{
    public static string Of(IReadOnlyCollection<double> values, string format)
    {
        if (values.Count == 0) throw new ArgumentException("a range over seeds needs at least one value");
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        int undefined = values.Count - defined.Length;
        if (defined.Length == 0) return "undefined";
        string range = defined.Length == 1 ? defined[0].ToString(format, CultureInfo.InvariantCulture)
            : $"{defined.Min().ToString(format, CultureInfo.InvariantCulture)}–{defined.Max().ToString(format, CultureInfo.InvariantCulture)}";
        return undefined == 0 ? range : $"{range} ({undefined} undefined)";
    }

    /// <summary>The same for a measure read off each seed's record.</summary>
    public static string Of<T>(IEnumerable<T> perSeed, Func<T, double> value, string format) => Of(perSeed.Select(value).ToArray(), format);
}
