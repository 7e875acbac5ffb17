using Autoencoders.Analysis;
using Autoencoders.Data;
using FsCheck;
using FsCheck.Fluent;

namespace Autoencoders.Tests.Properties;

/// <summary>Eq. 19 and the peak read-out that P4/P5 use to say where a decoded Dirac sits.</summary>
public class Eq19DiracPeaksTests
{
    /// <summary>The centroid read-out returns the position of a triangular Dirac exactly, for every real a in [0, n − 1].</summary>
    [Test]
    public void The_peak_of_a_triangular_Dirac_is_its_position() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Arbitraries.TriangularDiracPositions, a =>
            {
                double peak = Peaks.Position(Diracs.Triangular(64, a));
                double secondPeakRatio = Peaks.SecondPeakRatio(Diracs.Triangular(64, a));
                return (Math.Abs(peak - a) < 1e-5 && secondPeakRatio == 0).Label($"a = {a}: peak at {peak}, second-peak ratio {secondPeakRatio}");
            }));

    [Test]
    public void Two_equal_peaks_give_a_second_peak_ratio_of_one()
    {
        var y = Diracs.Triangular(64, 10).Zip(Diracs.Triangular(64, 40), (p, q) => p + q).ToArray();
        Assert.That(Peaks.SecondPeakRatio(y), Is.EqualTo(1));
    }

    [Test]
    public void An_empty_signal_is_refused() =>
        Assert.That(() => Peaks.Position([]), Throws.ArgumentException.With.Message.Contains("empty"));
}
