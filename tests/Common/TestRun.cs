using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Experiments;
using Autoencoders.Runtime;

namespace Autoencoders.Tests;

/// <summary>
/// The test run's experiment store: created once before the first test of an assembly and disposed after the last,
/// so tests of one claim share its trained networks the way `verify` does (networks also persist in the model cache).
/// </summary>
[SetUpFixture]
public sealed class TestRun
{
    static ExperimentStore? store;

    public static ExperimentStore Store => store ?? throw new InvalidOperationException("the test run's store exists only while tests run");

    /// <summary>
    /// A claim context for <paramref name="tier"/> on the run's store, figures in the system's temporary folder, on the
    /// seeds the spec's recorded verdicts come from (<see cref="RecordedBaseSeed"/>).
    /// </summary>
    public static ClaimContext Context(Tier tier) => new(Budget.For(tier, RecordedBaseSeed(tier)), Store, Path.Combine(Path.GetTempPath(), "autoencoders-test-figures"));

    /// <summary>
    /// The default tier is recorded on seeds 1, 2, … (`verify`); the Experiment tier on fresh seeds 101, 102, …
    /// (`verify --tier experiment --seed 100`), never used to set a criterion (spec/claims.md, "Criteria set after
    /// seeing data"); the Gpu tier on seeds 201, 202, …, as the GPU call runs it (build/gpu/device-check.sh, .ci/nightly):
    /// fresh seeds, none of them used to set a criterion.
    /// </summary>
    public static int RecordedBaseSeed(Tier tier) => tier switch { Tier.Experiment => 100, Tier.Gpu => 200, _ => 0 };

    [OneTimeSetUp]
    public void Start()
    {
        TorchRuntime.Initialise();
        store = new ExperimentStore(line => TestContext.Progress.WriteLine(line));
    }

    [OneTimeTearDown]
    public void End()
    {
        store?.Dispose();
        store = null;
    }
}
