using System.Text.Json;
using Autoencoders.Benchmarks;
using Autoencoders.Claims;
using Autoencoders.Report;
using Autoencoders.Runtime;

namespace Autoencoders.Cli;

/// <summary>
/// The command line: `verify`, `bench`, `--help`. Exit codes: 0 success, 1 a claim failed, 2 a usage error
/// (reported in one line, no stack trace).
/// </summary>
public static class CommandLine
{
    public const int Ok = 0, ClaimFailed = 1, UsageError = 2;

    public const string Help = """
        autoencoders — executable claims of Newson et al., "Processing Simple Geometric Attributes with Autoencoders"

        Usage:
          verify [--tier default|experiment|gpu] [--claims D3,P2,...] [--out DIR] [--seed N] [--device auto|cpu|cuda]
              Runs the claim checks of a tier and prints one line per claim of spec/claims.md:
              PASS (the paper's observation held), NOT REPRODUCED (it did not, as the spec records),
              FAIL (the outcome differs from the spec), PENDING (no check yet; the spec names the open issue).
              Writes DIR/report.md and DIR/claims.json (default DIR: artifacts/verify).
              Exit code 0 when nothing failed, 1 when a claim failed, 2 for usage errors.
          bench [--models K] [--steps N]
              Trains the paper's 64×64 disk autoencoder at batch 300 and prints {"ms_per_step": ...} as JSON.
          cache clear | cache path
              Empties (or prints the folder of) the trained-model cache: .cache/models in the repository,
              or $AUTOENCODERS_CACHE. Trained networks are reused from there across tests and verify runs.
          --help
              This text.

        Environment: AUTOENCODERS_DEVICE (auto|cpu|cuda), AUTOENCODERS_THREADS (default 2),
        AUTOENCODERS_CACHE (trained-model cache folder).
        """;

    /// <summary>A command line that passed every check: what to run, with its validated options.</summary>
    public sealed record Parsed(string Command, Dictionary<string, string> Options, string[] Arguments);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                output.WriteLine(Help);
                return args.Length == 0 ? UsageError : Ok;
            }
            var parsed = Parse(args);
            return parsed.Command switch
            {
                "verify" => Verify(parsed.Options, output),
                "bench" => Bench(parsed.Options, output),
                _ => CacheCommand.Run(parsed.Arguments, output),
            };
        }
        catch (Exception e) when (e is UsageException or ArgumentException or KeyNotFoundException or FileNotFoundException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run with --help for usage.");
            return UsageError;
        }
    }

    /// <summary>Checks a command line completely without running anything; throws <see cref="UsageException"/> naming the problem.</summary>
    public static Parsed Parse(string[] args)
    {
        if (args.Length == 0) throw new UsageException("no command given");
        switch (args[0])
        {
            case "cache":
                if (args[1..] is not (["clear"] or ["path"])) throw new UsageException($"cache takes one of: clear, path (got '{string.Join(" ", args[1..])}')");
                return new Parsed("cache", [], args[1..]);
            case "verify":
            {
                var options = ParseOptions(args[1..]);
                Allow(options, "tier", "claims", "out", "seed", "device");
                try { ClaimContext.ParseTier(options.GetValueOrDefault("tier", "default")); }
                catch (ArgumentException e) { throw new UsageException(e.Message); }
                if (options.TryGetValue("claims", out var list))
                    foreach (var id in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        if (!ClaimRegistry.Default.Contains(id)) throw new UsageException($"--claims: '{id}' is not a claim of spec/claims.md (known: {string.Join(", ", ClaimRegistry.Default.Claims.Select(c => c.Id))})");
                Int(options, "seed", 0, 0, int.MaxValue);
                if (options.TryGetValue("device", out var device) && device is not ("auto" or "cpu" or "cuda")) throw new UsageException($"--device '{device}' must be auto, cpu or cuda");
                if (options.TryGetValue("out", out var dir) && string.IsNullOrWhiteSpace(dir)) throw new UsageException("--out needs a folder");
                return new Parsed("verify", options, []);
            }
            case "bench":
            {
                var options = ParseOptions(args[1..]);
                Allow(options, "models", "steps");
                Int(options, "models", 1, 1, 64);
                Int(options, "steps", 50, 1, 100000);
                return new Parsed("bench", options, []);
            }
            default:
                throw new UsageException($"unknown command '{args[0]}'");
        }
    }

    static int Verify(Dictionary<string, string> options, TextWriter output)
    {
        if (options.TryGetValue("device", out var device)) Environment.SetEnvironmentVariable(TorchRuntime.DeviceVariable, device);
        TorchRuntime.ParseDevice(Environment.GetEnvironmentVariable(TorchRuntime.DeviceVariable));
        var tier = ClaimContext.ParseTier(options.GetValueOrDefault("tier", "default"));
        var claims = options.TryGetValue("claims", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var verifyOptions = new VerifyOptions(tier, claims, options.GetValueOrDefault("out", Path.Combine("artifacts", "verify")), Int(options, "seed", 0, 0, int.MaxValue));
        var results = ProgressDisplay.Run(output, log => VerifyRun.Run(verifyOptions, log));
        output.WriteLine(ReportWriter.Summary(results));
        return results.Any(r => r.Verdict == Verdict.Fail) ? ClaimFailed : Ok;
    }

    static int Bench(Dictionary<string, string> options, TextWriter output)
    {
        var r = TrainingBenchmark.Run(Int(options, "models", 1, 1, 64), Int(options, "steps", 50, 1, 100000));
        output.WriteLine(JsonSerializer.Serialize(new { ms_per_step = Math.Round(r.MsPerStep, 2), models = r.Models, ms_per_model_step = Math.Round(r.MsPerModelStep, 2), steps = r.Steps, device = r.Device, threads = r.Threads }));
        return Ok;
    }

    /// <summary>"--name value" pairs; anything else is a usage error.</summary>
    static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--") || args[i].Length == 2) throw new UsageException($"unexpected argument '{args[i]}'");
            string name = args[i][2..];
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--")) throw new UsageException($"option --{name} needs a value");
            if (!options.TryAdd(name, args[++i])) throw new UsageException($"option --{name} given twice");
        }
        return options;
    }

    static void Allow(Dictionary<string, string> options, params string[] names)
    {
        var unknown = options.Keys.FirstOrDefault(k => !names.Contains(k));
        if (unknown is not null) throw new UsageException($"unknown option --{unknown} (this command takes {string.Join(", ", names.Select(n => "--" + n))})");
    }

    static int Int(Dictionary<string, string> options, string name, int fallback, int min, int max)
    {
        if (!options.TryGetValue(name, out var text)) return fallback;
        if (int.TryParse(text, out int v) && v >= min && v <= max) return v;
        throw new UsageException($"--{name} '{text}' must be an integer from {min} to {max}");
    }
}

public sealed class UsageException(string message) : Exception(message);
