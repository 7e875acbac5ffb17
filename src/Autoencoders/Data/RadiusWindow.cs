using System.Globalization;

namespace Autoencoders.Data;

/// <summary>
/// A closed window [Lo, Hi] of disk radii over which a measure is taken (e.g. the test radii in a hole). Captions and
/// metric names are derived from it, so the text always says which radii were measured.
/// </summary>
public readonly record struct RadiusWindow(double Lo, double Hi)
{
    public bool Contains(double r) => r >= Lo && r <= Hi;

    /// <summary>Indices of the radii that fall in the window.</summary>
    public int[] IndicesIn(IReadOnlyList<double> radii)
    {
        var window = this;
        return Enumerable.Range(0, radii.Count).Where(i => window.Contains(radii[i])).ToArray();
    }

    /// <summary>"12–17", for captions.</summary>
    public string Caption => string.Create(CultureInfo.InvariantCulture, $"{Lo:0.##}–{Hi:0.##}");

    /// <summary>"12_17", for metric names.</summary>
    public string MetricSuffix => string.Create(CultureInfo.InvariantCulture, $"{Lo:0.##}_{Hi:0.##}").Replace('.', 'p');

    public override string ToString() => $"[{Caption}]";
}
