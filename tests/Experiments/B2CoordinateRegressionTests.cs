using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Runtime;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// B2 (#20), task 1 at the default tier's size: a plain strided-convolution encoder and the same with CoordConv's
/// coordinate channels regress the centre of a Not-so-Clevr square on the uniform split (spec/claims.md, B2).
/// </summary>
public class B2CoordinateRegressionTests
{
    [Test, Claim("B2"), Category("DefaultTier")]
    public void Plain_and_CoordConv_encoders_regress_the_centre_on_the_uniform_split()
    {
        TorchRuntime.Initialise();
        using var store = new ExperimentStore(TestContext.Out.WriteLine);
        foreach (bool coordConv in new[] { false, true })
        {
            var experiment = new CoordinateRegressionExperiment(NotSoClevrSplit.Uniform, coordConv, [1, 2], Steps: 1500);
            var trained = store.Get(experiment);
            var evaluations = experiment.Evaluate(trained.Model);
            using var untrained = experiment.Network();
            untrained.Initialise(experiment.Seeds, 0);
            var control = experiment.Evaluate(untrained);
            foreach (var (e, k) in evaluations.Select((e, k) => (e, k)))
                TestContext.Out.WriteLine($"{(coordConv ? "CoordConv" : "plain")} seed {experiment.Seeds[k]}: within 1 px {e.WithinPixel:0.000}, mean error {e.MeanError:0.00} px, unexplained share {e.Trainability.Relative:0.000}; untrained within 1 px {control[k].WithinPixel:0.000}");
            // What the runs did (spec, B2: within 1 px 0.53–0.60 plain, 0.61–0.63 CoordConv; mean error 0.9–1.1 px), as a
            // band: both learn the centre to about a pixel, neither reaches the per-seed bar 0.95 at this budget.
            Assert.Multiple(() =>
            {
                Assert.That(control.Select(c => c.WithinPixel), Is.All.LessThan(0.1), "negative control: an untrained encoder does not regress the centre");
                Assert.That(evaluations.Select(e => e.Trainability.Trained), Is.All.True, "every encoder trained");
                Assert.That(evaluations.Select(e => e.WithinPixel), Is.All.InRange(0.3, 0.95), "share of test centres within 1 px");
                Assert.That(evaluations.Select(e => e.MeanError), Is.All.LessThan(2.0), "mean error, px");
            });
        }
    }
}
