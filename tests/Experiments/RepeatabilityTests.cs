using Autoencoders.Benchmarks;
using static TorchSharp.torch;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// bench's repeat measure (#17: "make GPU runs deterministic where libtorch allows it; measure the spread where it
/// does not"). On the CPU the same seeds repeat bit for bit, so the measure must say so; another seed must not.
/// </summary>
public class RepeatabilityTests
{
    [Test]
    public void The_same_training_twice_on_the_cpu_is_bit_identical_and_another_seed_is_not()
    {
        var same = Repeatability.Compare(new(CPU, [1, 2]), new(CPU, [1, 2]), steps: 10);
        var other = Repeatability.Compare(new(CPU, [1, 2]), new(CPU, [1, 3]), steps: 10);
        Assert.Multiple(() =>
        {
            Assert.That(same.BitIdentical, Is.True);
            Assert.That(same.MaxWeightDifference, Is.Zero);
            Assert.That(same.MaxLossDifference, Is.Zero);
            Assert.That(same.MaxWeightMagnitude, Is.GreaterThan(0.01), "the weights compared are the trained ones, not empty");
            Assert.That((same.First, same.Second, same.Models, same.Steps), Is.EqualTo(("CPU", "CPU", 2, 10)));
            Assert.That(other.BitIdentical, Is.False, "control: a model with another seed starts elsewhere");
            Assert.That(other.MaxWeightDifference, Is.GreaterThan(1e-3), "control");
        });
    }

    [Test]
    public void Trainings_of_different_model_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Repeatability.Compare(new(CPU, [1]), new(CPU, [1, 2]), steps: 1));
        Assert.Throws<ArgumentException>(() => Repeatability.Compare(new(CPU, [1]), new(CPU, [1]), steps: 0));
    }
}
