using Autoencoders.Data;
using Autoencoders.Experiments;
using Autoencoders.Runtime;

namespace Autoencoders.Tests.Experiments;

/// <summary>
/// B2 (#20), task 3 at the default tier's size: autoencoders with a code of size 2, plain and CoordConv, on the uniform
/// split; reconstruction, and whether the code charts the position. Opt-in: the default tier runs task 1 only.
/// </summary>
public class B2CoordinateAutoencoderTests
{
    [Test, Claim("B2"), Category("Experiment")]
    public void Plain_and_CoordConv_autoencoders_with_a_two_number_code_on_the_uniform_split()
    {
        TorchRuntime.Initialise();
        using var store = new ExperimentStore(TestContext.Out.WriteLine);
        foreach (bool coordConv in new[] { false, true })
        {
            var experiment = new CoordinateAutoencoderExperiment(NotSoClevrSplit.Uniform, coordConv, [1, 2], Steps: 1500);
            var trained = store.Get(experiment);
            var evaluations = experiment.Evaluate(trained.Model);
            using var untrained = experiment.Network();
            var control = experiment.Evaluate(untrained);
            foreach (var (e, k) in evaluations.Select((e, k) => (e, k)))
                TestContext.Out.WriteLine($"{(coordConv ? "CoordConv" : "plain")} seed {experiment.Seeds[k]}: relative error {e.RelativeError:0.000}, chart within 1 px {e.ChartWithinPixel:0.000} (median error {e.ChartErrors.Order().ElementAt(e.ChartErrors.Length / 2):0.00} px), unexplained share {e.Trainability.Relative:0.000}; untrained: relative error {control[k].RelativeError:0.00}, chart {control[k].ChartWithinPixel:0.000}");
            Assert.Multiple(() =>
            {
                Assert.That(control.Select(c => c.RelativeError), Is.All.GreaterThan(0.5), "negative control: an untrained autoencoder does not reconstruct");
                Assert.That(control.Select(c => c.ChartWithinPixel), Is.All.LessThan(0.02), "negative control: an untrained code does not chart the position");
                Assert.That(evaluations.Select(e => e.Trainability.Trained), Is.All.True, "every autoencoder trained");
                // Recorded (spec, B2): relative error 0.46–0.55, chart within 1 px 0.006–0.046 at this budget.
                Assert.That(evaluations.Select(e => e.RelativeError), Is.All.InRange(0.2, 0.8), "relative error on the test centres");
                Assert.That(evaluations.Select(e => e.ChartWithinPixel), Is.All.LessThan(0.5), "far from the chart bar 0.95 at this budget");
            });
        }
    }
}
