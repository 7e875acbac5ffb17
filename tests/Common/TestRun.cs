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

    /// <summary>A claim context for <paramref name="tier"/> on the run's store, figures in the system's temporary folder.</summary>
    public static ClaimContext Context(Tier tier) => new(Budget.For(tier), Store, Path.Combine(Path.GetTempPath(), "autoencoders-test-figures"));

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
