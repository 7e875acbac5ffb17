using System.Globalization;

namespace Autoencoders.Claims;

/// <summary>How a check's summary states one measure over its seeds: "v" for one seed, "min–max" over several.</summary>
public static class SeedRange
{
    public static string Of(IReadOnlyCollection<double> values, string format)
    {
        if (values.Count == 0) throw new ArgumentException("a range over seeds needs at least one value");
        return values.Count == 1 ? values.First().ToString(format, CultureInfo.InvariantCulture)
            : $"{values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>The same for a measure read off each seed's record.</summary>
    public static string Of<T>(IEnumerable<T> perSeed, Func<T, double> value, string format) => Of(perSeed.Select(value).ToArray(), format);
}
