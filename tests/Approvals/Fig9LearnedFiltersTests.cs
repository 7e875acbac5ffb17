using Autoencoders.Configuration;
using Autoencoders.Experiments;
using Autoencoders.Models;

namespace Autoencoders.Tests.Approvals;

/// <summary>
/// Fig. 9 (P3): what is exact about the learned filters. The learned values themselves are not approved (#16.8: they
/// move with the CPU, the thread count and the device; the P3 check judges them with tolerances and draws them), but
/// the dead tap is exact: the left tap of the last layer only multiplies padding, gets no gradient, and keeps its
/// initial value to the bit in every seed.
/// </summary>
public class Fig9LearnedFiltersTests
{
    [Test, Claim("P3"), Category("DefaultTier")]
    public void The_dead_tap_of_the_last_layer_keeps_its_initial_value_in_every_seed()
    {
        var experiment = PositionExperiment.Encoders(Budget.For(Tier.Default));
        var net = TestRun.Store.Get(experiment).Model; // owned by the run's store
        using var untrained = new ConvStack("position-encoder", PositionNetworks.Encoder(experiment.SignalLength), experiment.Seeds.Length);
        untrained.Initialise(experiment.Seeds, 0);
        Assert.Multiple(() =>
        {
            for (int k = 0; k < experiment.Seeds.Length; k++)
            {
                var trained = PositionExperiment.Filters(net, k);
                var initial = PositionExperiment.Filters(untrained, k);
                Assert.That(trained[^1][0], Is.EqualTo(initial[^1][0]), $"seed {experiment.Seeds[k]}: the dead tap never moves");
                Assert.That(trained[0], Is.Not.EqualTo(initial[0]), $"seed {experiment.Seeds[k]}: a live layer trains");
            }
        });
    }
}
