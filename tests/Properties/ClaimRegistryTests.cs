using System.Text.RegularExpressions;
using Autoencoders.Claims;

namespace Autoencoders.Tests.Properties;

/// <summary>The registry (spec/claims.md) and the tests agree: every claim has a test or names the open work that adds it.</summary>
public class ClaimRegistryTests
{
    /// <summary>The paper's claims D1–D15, P1–P5, ours B1–B4, and B2Q (B2's quadrant split, its own verdict since #20's review).</summary>
    static readonly string[] PaperIds =
        Enumerable.Range(1, 15).Select(i => $"D{i}").Concat(Enumerable.Range(1, 5).Select(i => $"P{i}")).Concat(Enumerable.Range(1, 4).Select(i => $"B{i}")).Append("B2Q").ToArray();

    /// <summary>
    /// The test methods of the three test assemblies, read by reflection (#16.9: the real attributes, not a regex over
    /// source text that comments satisfy): each method's [Claim] ids, and whether its body calls a claim check
    /// (ClaimAssert, or ClaimCheck.Run). The sibling assemblies are built before this one (build-order references in Properties.csproj).
    /// </summary>
    static IReadOnlyList<(string Method, string[] Claims, bool RunsCheck)> TestMethods()
    {
        string root = TestPaths.RepositoryRoot;
        string relative = Path.GetRelativePath(Path.Combine(root, "tests", "Properties"), TestContext.CurrentContext.TestDirectory);
        var methods = new List<(string, string[], bool)>();
        foreach (var project in new[] { "Approvals", "Experiments", "Properties" })
        {
            string path = Path.Combine(root, "tests", project, relative, project + ".dll");
            if (!File.Exists(path)) Assert.Fail($"{path} is not built: run `dotnet test Spec.sln`, which builds every test project first");
            var assembly = project == "Properties" ? typeof(ClaimRegistryTests).Assembly : System.Reflection.Assembly.LoadFrom(path);
            foreach (var type in assembly.GetTypes())
                foreach (var method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
                {
                    var attributes = method.GetCustomAttributesData();
                    bool isTest = attributes.Any(a => a.AttributeType.Name is "TestAttribute" or "TestCaseAttribute" or "TestCaseSourceAttribute");
                    var claims = attributes.Where(a => a.AttributeType.Name == "ClaimAttribute").Select(a => (string)a.ConstructorArguments[0].Value!).ToArray();
                    if (isTest && claims.Length > 0) methods.Add(($"{type.Name}.{method.Name}", claims, CallsACheck(method)));
                }
        }
        return methods;
    }

    /// <summary>Whether the method's IL calls ClaimAssert.* or ClaimCheck.Run (call/callvirt operands resolved from the module).</summary>
    static bool CallsACheck(System.Reflection.MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return false;
        for (int i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x28 && il[i] != 0x6F) continue; // call, callvirt
            int token = BitConverter.ToInt32(il, i + 1);
            System.Reflection.MethodBase? callee;
            try { callee = method.Module.ResolveMethod(token); }
            catch (Exception) { continue; } // an operand byte that only looked like an opcode
            if (callee?.DeclaringType?.Name == "ClaimAssert" || (callee?.DeclaringType?.Name == nameof(ClaimCheck) && callee.Name == nameof(ClaimCheck.Run))) return true;
        }
        return false;
    }

    static HashSet<string> IdsUsedByTests() => TestMethods().SelectMany(m => m.Claims).ToHashSet();

    [Test]
    public void The_registry_lists_every_claim_of_the_paper_once() =>
        Assert.That(ClaimRegistry.Default.Claims.Select(c => c.Id), Is.EquivalentTo(PaperIds));

    [Test]
    public void Every_entry_has_its_fields() =>
        Assert.Multiple(() =>
        {
            foreach (var c in ClaimRegistry.Default.Claims)
                foreach (var field in new[] { "Paper", "Statement", "Tier", "Expected", "Criterion", "Status" })
                    Assert.That(c.Field(field), Is.Not.Empty, $"{c.Id} lacks {field}");
        });

    /// <summary>The verdict logic reads Expected; anything but the two outcomes would silently mean "expect PASS".</summary>
    [Test]
    public void Every_expected_outcome_is_PASS_or_NOT_REPRODUCED() =>
        Assert.Multiple(() =>
        {
            foreach (var c in ClaimRegistry.Default.Claims)
                Assert.That(c.Expected, Is.EqualTo("PASS").Or.EqualTo("NOT REPRODUCED"), $"{c.Id}: Expected is '{c.Expected}'");
        });

    /// <summary>
    /// Every claim that is not pending has a test that runs its check at some tier (a test that only names the claim,
    /// or only asserts it is skipped, does not count); a pending claim names an open issue by number.
    /// </summary>
    [Test]
    public void Every_claim_has_a_test_that_runs_its_check_unless_its_entry_names_the_open_issue()
    {
        var running = TestMethods().Where(m => m.RunsCheck).SelectMany(m => m.Claims).ToHashSet();
        var untested = ClaimRegistry.Default.Claims.Where(c => !c.IsPending && !running.Contains(c.Id)).Select(c => c.Id);
        Assert.That(untested, Is.Empty, "claims with no test that runs their check");
        var pendingWithoutIssue = ClaimRegistry.Default.Claims.Where(c => c.IsPending && !Regex.IsMatch(c.Status, @"#\d+")).Select(c => c.Id);
        Assert.That(pendingWithoutIssue, Is.Empty, "a pending claim must name its open issue by number");
    }

    /// <summary>The reflection finds what it should: a test known to run D7's check does, and one known not to (it asserts a skip) does not.</summary>
    [Test]
    public void Negative_control_the_reflection_tells_a_check_run_from_a_mention()
    {
        var methods = TestMethods();
        Assert.That(methods.Where(m => m.Claims.Contains("D7")).Any(m => m.RunsCheck), "D7's check is run by a test");
        Assert.That(methods.Single(m => m.Method.EndsWith("The_regulariser_and_DCGAN_runs_are_skipped_at_the_default_tier_not_silently_passed")).RunsCheck, Is.False,
            "asserting a skip inside a lambda is not running the check");
    }

    /// <summary>Checks are found by reflection; every registered claim that is not pending has exactly one, and no check lacks an entry.</summary>
    [Test]
    public void Every_claim_that_is_not_pending_has_a_check_and_every_check_a_claim()
    {
        var registered = ClaimRegistry.Default.Claims.Where(c => !c.IsPending).Select(c => c.Id);
        Assert.That(ClaimChecks.All.Keys, Is.EquivalentTo(registered));
    }

    [Test]
    public void Every_claim_a_test_names_is_in_the_registry() =>
        Assert.That(IdsUsedByTests().Where(id => !ClaimRegistry.Default.Contains(id)), Is.Empty);

    [Test]
    public void Negative_control_the_parser_rejects_a_duplicate_claim() =>
        Assert.Throws<FormatException>(() => ClaimRegistry.Parse("## D1 · a\n- **Tier:** default\n## D1 · b\n"));
}
