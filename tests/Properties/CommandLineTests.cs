using Autoencoders.Cli;
using FsCheck;
using FsCheck.Fluent;

namespace Autoencoders.Tests.Properties;

/// <summary>The command line rejects bad input with one clear line and exit code 2, never a stack trace.</summary>
public class CommandLineTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Help_explains_the_commands()
    {
        var (code, text, _) = Run("--help");
        Assert.That(code, Is.Zero);
        Assert.That(text, Does.Contain("verify").And.Contain("bench").And.Contain("cache").And.Contain("NOT REPRODUCED"));
    }

    [TestCase("frobnicate"), TestCase("verify", "--tier", "nightly"), TestCase("verify", "--claims", "D99"), TestCase("verify", "--seed", "-3"),
     TestCase("verify", "--seed"), TestCase("verify", "--bogus", "1"), TestCase("verify", "stray"), TestCase("verify", "--tier", "default", "--tier", "gpu"),
     TestCase("bench", "--models", "0"), TestCase("bench", "--models", "5,200"), TestCase("bench", "--models", "5,x"), TestCase("bench", "--device", "tpu"),
     TestCase("bench", "--steps", "many"), TestCase("bench", "--warmup", "-1"), TestCase("bench", "--python", " "), TestCase("cache", "wipe"),
     TestCase("verify", "--time-limit", "0"), TestCase("verify", "--time-limit", "1.5"), TestCase("verify", "--time-limit", "604801"), TestCase("verify", "--time-limit")]
    public void Usage_errors_exit_2_with_a_one_line_reason(params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.That(code, Is.EqualTo(CommandLine.UsageError));
        Assert.That(err, Does.StartWith("error: "));
        Assert.That(err, Does.Not.Contain("   at "), "no stack trace for user errors");
    }

    [TestCase("0"), TestCase("604801")]
    public void A_time_limit_out_of_range_names_the_option_and_its_range(string value)
    {
        var (code, _, err) = Run("verify", "--time-limit", value);
        Assert.That(code, Is.EqualTo(CommandLine.UsageError));
        Assert.That(err.Split('\n')[0], Is.EqualTo($"error: --time-limit {value} must be a number of seconds from 1 to 604800"));
    }

    /// <summary>A valid limit reaches the run: a claim started within it runs, and the report says no claim was left out.</summary>
    [Test]
    public void A_valid_time_limit_is_accepted_and_recorded()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}");
        try
        {
            var (code, text, err) = Run("verify", "--claims", "P1", "--time-limit", "600", "--out", dir);
            Assert.That(code, Is.Zero, err);
            Assert.That(text, Does.Contain("PASS            P1"));
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "claims.json")));
            Assert.That(json.RootElement.GetProperty("time_limit_s").GetDouble(), Is.EqualTo(600));
            Assert.That(json.RootElement.GetProperty("complete").GetBoolean(), Is.True);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A number option given a word says what to type, not the .NET type it expected.</summary>
    [TestCase("--seed", "x"), TestCase("--time-limit", "soon")]
    public void A_word_where_a_number_belongs_is_named_as_such(string option, string value)
    {
        var (code, _, err) = Run("verify", option, value);
        Assert.That(code, Is.EqualTo(CommandLine.UsageError));
        Assert.That(err.Split('\n')[0], Is.EqualTo($"error: {option} '{value}' is not a whole number"));
    }

    /// <summary>
    /// A failure while a command runs is not a usage error (#16.11): exit 1 and one line naming what failed, the stack
    /// trace only with --verbose. Here the output folder cannot be created (/proc refuses new folders).
    /// </summary>
    [Test]
    public void A_failure_during_a_run_exits_1_with_one_line_and_a_stack_trace_only_when_verbose()
    {
        var (code, _, err) = Run("verify", "--claims", "D1", "--out", "/proc/no-such-place/verify");
        Assert.That(code, Is.EqualTo(CommandLine.ClaimFailed), err);
        Assert.That(err, Does.StartWith("error: verify failed: "));
        Assert.That(err, Does.Not.Contain("   at "), "no stack trace without --verbose");
        Assert.That(err, Does.Not.Contain("usage"), "not reported as a usage error");
        var (verboseCode, _, verboseErr) = Run("verify", "--claims", "D1", "--out", "/proc/no-such-place/verify", "--verbose");
        Assert.That(verboseCode, Is.EqualTo(CommandLine.ClaimFailed));
        Assert.That(verboseErr, Does.Contain("   at "), "--verbose prints the stack trace");
    }

    /// <summary>
    /// `bench` reports one model and K models from one run, with their ratio, the CPU, and the PyTorch step beside
    /// them or the reason it did not run (#18: every speed is a ratio measured side by side).
    /// </summary>
    [Test]
    public void Bench_reports_one_and_k_models_and_pytorch_or_why_not_in_one_run()
    {
        var (code, text, err) = Run("bench", "--steps", "2", "--warmup", "1", "--models", "2,3");
        Assert.That(code, Is.Zero, err);
        // Each timing is also said as it is made (what a bench killed at a deadline leaves): one model twice, K = 2 and 3, and the 1-D decoders.
        var said = err.Split('\n').Where(l => l.StartsWith("bench: ", StringComparison.Ordinal)).ToArray();
        Assert.That(said, Has.Length.EqualTo(2 + 2 + 3), err);
        Assert.That(said[1], Does.Contain("2 models").And.Contain("ms a step"));
        using var json = System.Text.Json.JsonDocument.Parse(text.Trim());
        var root = json.RootElement;
        double one = root.GetProperty("one_model_ms_per_step").GetDouble();
        Assert.That(one, Is.GreaterThan(0));
        var beforeAndAfter = root.GetProperty("one_model_before_and_after").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.That(beforeAndAfter, Has.Length.EqualTo(2));
        Assert.That(one, Is.EqualTo(beforeAndAfter.Average()).Within(0.02), "one model's time is the mean of its timings before and after the batched ones");
        Assert.That(root.GetProperty("warmup").GetInt32(), Is.EqualTo(1));
        var batched = root.GetProperty("batched").EnumerateArray().ToArray();
        Assert.That(batched.Select(b => b.GetProperty("models").GetInt32()), Is.EqualTo(new[] { 2, 3 }));
        foreach (var b in batched)
        {
            Assert.That(b.GetProperty("over_one").GetDouble(), Is.EqualTo(b.GetProperty("ms_per_step").GetDouble() / one).Within(0.02));
            Assert.That(b.GetProperty("ms_per_model_step").GetDouble(), Is.EqualTo(b.GetProperty("ms_per_step").GetDouble() / b.GetProperty("models").GetInt32()).Within(0.01));
        }
        var decoders = root.GetProperty("position_decoders").EnumerateArray().ToArray();
        Assert.That(decoders.Select(d => d.GetProperty("models").GetInt32()), Is.EqualTo(new[] { 1, 10, 30 }), "1-D decoders: one, and P4's seed counts");
        foreach (var d in decoders)
            Assert.That(d.GetProperty("over_one").GetDouble(), Is.EqualTo(d.GetProperty("ms_per_step").GetDouble() / decoders[0].GetProperty("ms_per_step").GetDouble()).Within(0.02));
        var pytorch = root.GetProperty("pytorch").GetString();
        if (root.GetProperty("pytorch_ms_per_step").ValueKind == System.Text.Json.JsonValueKind.Null)
            Assert.That(pytorch, Does.StartWith("not run: "), "a missing reference says why");
        else
            Assert.That(pytorch, Does.StartWith("torch "));
        Assert.That(root.GetProperty("cpu").GetString(), Is.Not.Empty);
        var repeat = root.GetProperty("repeat");
        Assert.That(repeat.GetProperty("devices").GetString(), Is.EqualTo("CPU, CPU"));
        Assert.That(repeat.GetProperty("steps").GetInt32(), Is.EqualTo(2), "the repeat trains as many steps as bench times (at most 30)");
        Assert.That(repeat.GetProperty("bit_identical").GetBoolean(), Is.True, "the same training twice on the CPU repeats bit for bit");
        Assert.That(root.GetProperty("against_cpu").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "on the CPU there is no second device to compare");
    }

    /// <summary>
    /// bench prints the reference's time, its ratio to ours and its build as the reference answered; a stand-in
    /// interpreter (a shell script answering as bench/pytorch_step.py does) runs anywhere. The reference itself is
    /// tested in <see cref="PyTorchReferenceTests"/>.
    /// </summary>
    [Test]
    public void Bench_prints_the_reference_beside_ours()
    {
        if (OperatingSystem.IsWindows()) { Assert.Ignore("a shell script stands in for python: Unix only"); return; }
        string fake = PyTorchReferenceTests.StandIn(Autoencoders.Benchmarks.TrainingBenchmark.ParameterCount());
        try
        {
            var (code, text, err) = Run("bench", "--steps", "1", "--warmup", "0", "--models", "1", "--python", fake);
            Assert.That(code, Is.Zero, err);
            using var json = System.Text.Json.JsonDocument.Parse(text.Trim());
            var root = json.RootElement;
            Assert.That(root.GetProperty("pytorch_ms_per_step").GetDouble(), Is.EqualTo(40.0));
            Assert.That(root.GetProperty("pytorch_over_ours").GetDouble(), Is.EqualTo(40.0 / root.GetProperty("one_model_ms_per_step").GetDouble()).Within(0.02));
            Assert.That(root.GetProperty("pytorch").GetString(), Does.StartWith("torch ").And.EndWith(", 2 threads, BLAS generic, oneDNN off"));
        }
        finally { File.Delete(fake); }
    }

    /// <summary>What the old hand parser accepted stays accepted: tiers in any case, `help`, values starting with '@'.</summary>
    [Test]
    public void Tier_case_help_and_at_sign_values_are_accepted()
    {
        Assert.DoesNotThrow(() => CommandLine.Parse(["verify", "--tier", "GPU", "--device", "CPU"]));
        Assert.DoesNotThrow(() => CommandLine.Parse(["verify", "--out", "@results"]));
        var (code, text, _) = Run("help");
        Assert.That(code, Is.Zero);
        Assert.That(text, Does.Contain("verify"));
    }

    [Test]
    public void No_arguments_prints_help_and_exits_2() => Assert.That(Run().Code, Is.EqualTo(CommandLine.UsageError));

    /// <summary>Random token soup: the parser accepts it or rejects it with a usage error, never anything else; rejected lines exit 2.</summary>
    [Test]
    public void Random_arguments_are_accepted_or_refused_with_exit_code_2() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            Arbitraries.CommandLineTokens,
            args =>
            {
                if (args.Length == 0) return true.Label("no arguments");
                try { CommandLine.Parse(args); return true.Label("well-formed"); } // well-formed: would start real work, not run here
                catch (UsageException) { }
                var (code, _, err) = Run(args);
                bool refusedCleanly = code == CommandLine.UsageError && err.StartsWith("error: ") && !err.Contains("   at ");
                return refusedCleanly.Label($"exit code {code} (usage error is {CommandLine.UsageError}), stderr: {err.TrimEnd()}");
            }));
}
