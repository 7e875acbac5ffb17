using System.Text.RegularExpressions;
using Autoencoders.Claims;

namespace Autoencoders.Tests.Properties;

/// <summary>The registry (spec/claims.md) and the tests agree: every claim has a test or names the open work that adds it.</summary>
public class ClaimRegistryTests
{
    static readonly string[] PaperIds =
        Enumerable.Range(1, 15).Select(i => $"D{i}").Concat(Enumerable.Range(1, 5).Select(i => $"P{i}")).Concat(Enumerable.Range(1, 3).Select(i => $"B{i}")).ToArray();

    /// <summary>Claim ids named by [Claim("…")] in the test sources of all three test projects.</summary>
    static HashSet<string> IdsUsedByTests() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Claim\(""([A-Z]\d+)""\)").Select(m => m.Groups[1].Value))
            .ToHashSet();

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

    [Test]
    public void Every_claim_has_a_test_unless_its_entry_names_the_open_work()
    {
        var used = IdsUsedByTests();
        var untested = ClaimRegistry.Default.Claims.Where(c => !c.IsPending && !used.Contains(c.Id)).Select(c => c.Id);
        Assert.That(untested, Is.Empty, "claims marked tested with no [Claim] test");
        var pendingButTested = ClaimRegistry.Default.Claims.Where(c => c.IsPending && c.Status.Length < "pending #1".Length);
        Assert.That(pendingButTested, Is.Empty, "a pending claim must name its issue");
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
