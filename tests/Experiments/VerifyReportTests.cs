using System.Text.Json;
using Autoencoders.Cli;

namespace Autoencoders.Tests.Experiments;

/// <summary>`verify` writes a readable report, machine-readable JSON and valid figures, and replaces a previous report whole.</summary>
public class VerifyReportTests
{
    [Test]
    public void Verify_on_fast_claims_writes_report_json_and_figures()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "stale.txt"), "from an earlier run");
        try
        {
            var output = new StringWriter();
            // B3 is SKIPPED at the default tier (it would retrain every disk network): a fast claim that is not a PASS.
            int code = CommandLine.Run(["verify", "--claims", "D1,P1,P2,B3", "--out", dir], output, new StringWriter());
            Assert.That(code, Is.Zero, output.ToString());
            Assert.That(output.ToString(), Does.Contain("PASS            D1").And.Contain("SKIPPED         B3").And.Contain("3 passed, 0 failed"));
            Assert.That(File.Exists(Path.Combine(dir, "stale.txt")), Is.False, "the new report replaces the old folder whole");

            string report = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.That(report, Does.Contain("| P2 ").And.Contain("## D1 ·").And.Contain("figures/appA_monte_carlo_convergence.png"));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "claims.json")));
            var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
            Assert.That(claims.Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { "D1", "P1", "P2", "B3" }));
            Assert.That(claims.Take(3).Select(c => c.GetProperty("verdict").GetString()), Is.All.EqualTo("PASS"));
            // Every claim that ran comes with a figure (the exact and theoretical ones too: Table 2, Prop. 3's filter).
            foreach (var c in claims.Take(3))
                Assert.That(c.GetProperty("figures").GetArrayLength(), Is.GreaterThanOrEqualTo(1), $"{c.GetProperty("id").GetString()} has a figure");
            Assert.That(json.RootElement.GetProperty("environment").GetProperty("torch").GetString(), Does.Contain("TorchSharp"));

            foreach (var figure in claims.SelectMany(c => c.GetProperty("figures").EnumerateArray()).Select(f => Path.Combine(dir, f.GetString()!)))
            {
                var bytes = File.ReadAllBytes(figure);
                Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{figure} is a PNG");
                int width = bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19];
                Assert.That(width, Is.GreaterThan(100), "IHDR width");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>
    /// With a time limit already passed, no claim starts: each is SKIPPED with the reason, and the report is still
    /// written whole, saying the run was stopped (a GPU call's deadline gives a partial report, not none). A limit that
    /// runs out between claims lets the first run and stops the rest; without one the same claims run.
    /// </summary>
    [Test]
    public void A_passed_time_limit_skips_the_claims_not_started_and_still_writes_the_report()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}");
        try
        {
            var limited = Autoencoders.Report.VerifyRun.Run(new(Autoencoders.Configuration.Tier.Default, ["P1", "D7"], dir, 0, TimeSpan.FromTicks(1)), _ => { });
            Assert.That(limited.Select(r => r.Verdict), Is.All.EqualTo(Autoencoders.Claims.Verdict.Skipped));
            Assert.That(limited[0].Summary, Does.Contain("time limit of 0 s"));
            string report = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.That(report, Does.Contain("2 skipped").And.Contain("**Stopped by its time limit**").And.Contain("## Where the time went"));
            using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "claims.json"))))
            {
                Assert.That(json.RootElement.GetProperty("complete").GetBoolean(), Is.False, "a run stopped by its limit is not a whole run");
                Assert.That(json.RootElement.GetProperty("claims_not_started").GetInt32(), Is.EqualTo(2));
            }

            // The first claim starts within the limit and outlasts it (its start line waits 1.1 s): the second does not start.
            var between = Autoencoders.Report.VerifyRun.Run(new(Autoencoders.Configuration.Tier.Default, ["P1", "D7"], dir, 0, TimeSpan.FromSeconds(1)),
                line => { if (line == "P1: running…") Thread.Sleep(1100); });
            Assert.That(between.Select(r => r.Verdict), Is.EqualTo(new[] { Autoencoders.Claims.Verdict.Pass, Autoencoders.Claims.Verdict.Skipped }));
            Assert.That(between[0].Elapsed.TotalSeconds, Is.GreaterThanOrEqualTo(1.0), "a claim's time is measured around it");

            var unlimited = Autoencoders.Report.VerifyRun.Run(new(Autoencoders.Configuration.Tier.Default, ["P1", "D7"], dir, 0, TimeSpan.FromHours(1)), _ => { });
            Assert.That(unlimited.Select(r => r.Verdict), Is.All.EqualTo(Autoencoders.Claims.Verdict.Pass), "control: the same claims run within a limit not reached");
            Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Does.Not.Contain("Stopped by its time limit"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    /// <summary>
    /// While a run goes, its staging folder (&lt;out&gt;.tmp-&lt;pid&gt;) holds a partial report after each claim, so a run killed
    /// at a deadline leaves what it finished; the finished run replaces it with the complete report.
    /// </summary>
    [Test]
    public void A_running_verify_leaves_a_partial_report_after_each_claim()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}");
        string staging = dir + $".tmp-{Environment.ProcessId}";
        var seen = new List<string>();
        try
        {
            Autoencoders.Report.VerifyRun.Run(new(Autoencoders.Configuration.Tier.Default, ["P1", "D7", "P2"], dir, 0), line =>
            {
                // Called with each verdict line, after the partial report is written.
                if (!line.StartsWith("PASS", StringComparison.Ordinal)) return;
                seen.Add(File.Exists(Path.Combine(staging, "report.md")) ? File.ReadAllText(Path.Combine(staging, "report.md")) : "");
                if (seen.Count == 1)
                {
                    using var partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(staging, "claims.json")));
                    Assert.That(partial.RootElement.GetProperty("complete").GetBoolean(), Is.False, "a partial claims.json says so");
                }
            });
            Assert.That(seen, Has.Count.EqualTo(3));
            Assert.That(seen[0], Does.Contain("**Partial report**, written after claim 1 of 3").And.Contain("| P1 ").And.Not.Contain("| D7 "));
            Assert.That(seen[1], Does.Contain("**Partial report**, written after claim 2 of 3").And.Contain("| D7 "), "rewritten after the second claim");
            string final = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.That(final, Does.Not.Contain("Partial report").And.Contain("| D7 "), "the finished run's report is complete");
            Assert.That(Directory.Exists(staging), Is.False, "the staging folder is moved into place");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "claims.json")));
            Assert.That(json.RootElement.GetProperty("complete").GetBoolean(), Is.True);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    /// <summary>An entry with no check yet is reported PENDING with its status, beside a claim that runs (no spec entry is pending now).</summary>
    [Test]
    public void An_entry_without_a_check_is_reported_pending_with_its_issue()
    {
        var registry = Autoencoders.Claims.ClaimRegistry.Parse(string.Join("\n",
            "## D1 · Monte Carlo disks converge", "- **Expected:** PASS", "- **Status:** tested",
            "## B9 · A claim still to build", "- **Expected:** PASS", "- **Criterion:** to be written", "- **Status:** pending #99 (not built)"));
        string dir = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}");
        try
        {
            var results = Autoencoders.Report.VerifyRun.Run(new(Autoencoders.Configuration.Tier.Default, null, dir, 0), _ => { }, registry);
            Assert.Multiple(() =>
            {
                Assert.That(results.Select(r => (r.Id, r.Verdict)), Is.EqualTo(new[] { ("D1", Autoencoders.Claims.Verdict.Pass), ("B9", Autoencoders.Claims.Verdict.Pending) }));
                Assert.That(results[1].Summary, Does.Contain("#99"));
                Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Does.Contain("PENDING"));
            });
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }
}
