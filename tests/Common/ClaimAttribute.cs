using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Autoencoders.Claims;

namespace Autoencoders.Tests;

/// <summary>
/// Marks a test as evidence for one claim of the registry (spec/claims.md). The id becomes an NUnit property
/// ("Claim") so `dotnet test --filter Claim=D7` selects it; an id the registry lacks makes the test not runnable.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ClaimAttribute(string id) : NUnitAttribute, IApplyToTest
{
    public string Id { get; } = id;

    public void ApplyToTest(Test test)
    {
        test.Properties.Add("Claim", Id);
        if (!ClaimRegistry.Default.Contains(Id))
        {
            test.RunState = RunState.NotRunnable;
            test.Properties.Set(PropertyNames.SkipReason, $"claim id '{Id}' is not in spec/claims.md");
        }
    }
}
