using Autoencoders.Data;
using Autoencoders.Training;
using FsCheck;
using FsCheck.Fluent;

namespace Autoencoders.Tests.Properties;

/// <summary>Bad parameters and files are refused with a message naming the problem, for random bad input.</summary>
public class BadInputTests
{
    static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(200);

    static bool RefusedWith<TException>(Action action, string mustMention) where TException : Exception
    {
        try { action(); return false; }
        catch (TException e) { return e.Message.Contains(mustMention, StringComparison.OrdinalIgnoreCase); }
    }

    [Test]
    public void Negative_or_too_large_radii_are_refused() =>
        Check.One(Many, Prop.ForAll(Arbitraries.BadRadii, r =>
        {
            bool refused = RefusedWith<ArgumentException>(() => Disk.Centred(ImageGrid.Paper, r), "radius");
            return refused.Label($"radius {r}: refused = {refused}");
        }));

    [Test]
    public void Empty_overlapping_or_out_of_image_radius_ranges_are_refused()
    {
        Assert.That(RefusedWith<ArgumentException>(() => new RadiusRange((5, 5)), "empty"));
        Assert.That(RefusedWith<ArgumentException>(() => new RadiusRange((8, 3)), "empty"));
        Assert.That(RefusedWith<ArgumentException>(() => new RadiusRange((0, 12), (11, 18)), "overlap"));
        Assert.That(RefusedWith<ArgumentException>(() => new RadiusRange((-1, 3)), "negative"));
        Assert.That(RefusedWith<ArgumentException>(() => new RadiusRange(), "at least one"));
        Assert.That(RefusedWith<ArgumentException>(() => RadiusRange.Uniform(0, 40).CheckFits(ImageGrid.Paper), "beyond the image"));
    }

    [Test]
    public void Signal_lengths_that_are_not_powers_of_two_are_refused() =>
        Check.One(Many, Prop.ForAll(Arbitraries.NonPowersOfTwo, n =>
        {
            bool refused = RefusedWith<ArgumentException>(() => Diracs.CheckPowerOfTwo(n), "power of two");
            return refused.Label($"length {n}: refused = {refused}");
        }));

    [Test]
    public void Positions_outside_the_signal_are_refused() =>
        Check.One(Many, Prop.ForAll(Arbitraries.PositionsOutside64, a =>
        {
            bool oneHot = RefusedWith<ArgumentException>(() => Diracs.OneHot(64, a), "outside");
            bool triangular = RefusedWith<ArgumentException>(() => Diracs.Triangular(64, a), "outside");
            return (oneHot && triangular).Label($"position {a}: one-hot refused = {oneHot}, triangular refused = {triangular}");
        }));

    [Test]
    public void Bad_blur_and_sample_counts_are_refused()
    {
        Assert.That(RefusedWith<ArgumentException>(() => new ExactRenderer(ImageGrid.Paper, 0), "σ"));
        Assert.That(RefusedWith<ArgumentException>(() => new ExactRenderer(ImageGrid.Paper, double.NaN), "σ"));
        Assert.That(RefusedWith<ArgumentException>(() => new MonteCarloRenderer(ImageGrid.Paper, 1, 0, 1), "N ≥ 1"));
        Assert.That(RefusedWith<NotSupportedException>(() => new ExactRenderer(ImageGrid.Paper, 1).Render(new HalfPlane()), "Monte Carlo"));
    }

    /// <summary>A shape the exact renderer has no formula for (disks, squares and ellipses it has).</summary>
    sealed record HalfPlane : IShape
    {
        public bool Contains(double x, double y) => x < y;
    }

    [Test]
    public void Random_bytes_are_never_loaded_as_a_checkpoint() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Prop.ForAll(Arbitraries.RandomBytes, bytes =>
        {
            string path = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.aeckpt");
            try
            {
                File.WriteAllBytes(path, bytes);
                bool refused = RefusedWith<InvalidDataException>(() => Checkpoint.Load(path), "checkpoint");
                return refused.Label($"{bytes.Length} random bytes: refused = {refused}");
            }
            finally { File.Delete(path); }
        }));

    [Test]
    public void Bad_training_options_are_refused()
    {
        Assert.That(RefusedWith<ArgumentException>(() => new TrainingOptions { BatchSize = 0 }.Check(1, 10), "batch"));
        Assert.That(RefusedWith<ArgumentException>(() => new TrainingOptions { BatchSize = 300 }.Check(1, 100), "exceeds"));
        Assert.That(RefusedWith<ArgumentException>(() => new TrainingOptions { Seeds = [1, 2] }.Check(1, 1000), "seeds"));
        Assert.That(RefusedWith<ArgumentException>(() => new Adam([], -1), "learning rate"));
    }
}
