using System.Globalization;
using System.Text;
using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Claims.Checks;
using Autoencoders.Experiments;
using Autoencoders.Analysis;

namespace Autoencoders.Tests.Approvals;

/// <summary>
/// Fig. 9 (P3) as numbers: each layer's learned filter for seeds 1–5 (default tier), scaled so the largest tap is 1
/// and the centre tap is positive, rounded to 0.1 so float noise cannot flip it; beside it [1, 2, 1] scaled the same
/// way is [0.5, 1, 0.5].
/// </summary>
public class Fig9LearnedFiltersTests
{
    [Test, Claim("P3")]
    public void The_learned_position_filters_beside_121()
    {
        var experiment = PositionExperiment.Encoders(Budget.For(Tier.Default));
        Assert.That(experiment.Seeds, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), "the snapshot shows seeds 1–5");
        var net = TestRun.Store.Get(experiment).Model; // owned by the run's store
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder("reference [1, 2, 1] -> [0.5, 1.0, 0.5]\nseed | layer 1 … layer 6 (|cos| with [1, 2, 1])\n");
        for (int k = 0; k < 5; k++)
        {
            var cells = PositionExperiment.Filters(net, k).Select(f =>
            {
                double peak = f.MaxBy(Math.Abs), sign = f[1] < 0 ? -1 : 1;
                var n = f.Select(v => Math.Round(sign * v / Math.Abs(peak), 1) + 0.0).ToArray();
                return string.Create(inv, $"[{n[0]:0.0}, {n[1]:0.0}, {n[2]:0.0}] ({FilterSimilarity.CosineTo121(f):0.0})");
            });
            text.AppendLine(inv, $"{k + 1} | {string.Join(" ", cells)}");
        }
        Snapshot.Text(text.ToString());
    }
}
