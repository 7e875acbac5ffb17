using Autoencoders.Claims;

namespace Autoencoders.Tests.Properties;

/// <summary>How a summary states a measure over seeds, undefined seeds (NaN) counted apart rather than mixed in.</summary>
public class SeedRangeTests
{
    [TestCase(new[] { 0.5 }, "0.50")]
    [TestCase(new[] { 0.3, 0.12, 0.5 }, "0.12–0.50")]
    [TestCase(new[] { 0.3, double.NaN, 0.5 }, "0.30–0.50 (1 undefined)")]
    [TestCase(new[] { double.NaN, 0.5 }, "0.50 (1 undefined)")]
    [TestCase(new[] { double.NaN, double.NaN }, "undefined")]
    public void A_range_over_seeds_reads_as_written(double[] values, string expected) =>
        Assert.That(SeedRange.Of(values, "0.00"), Is.EqualTo(expected));

    [Test]
    public void No_seeds_is_refused() => Assert.Throws<ArgumentException>(() => SeedRange.Of(Array.Empty<double>(), "0.00"));
}
