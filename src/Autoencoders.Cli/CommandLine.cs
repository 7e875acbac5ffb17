using System.Runtime.InteropServices;
using System.CommandLine;
using System.Text.Json;
using Autoencoders.Benchmarks;
using Autoencoders.Claims;
using Autoencoders.Configuration;
using Autoencoders.Report;
using Autoencoders.Runtime;
using Autoencoders.Training;

namespace Autoencoders.Cli;

/// <summary>
/// The command line (System.CommandLine): `verify`, `bench`, `cache clear|path`, `--help`. Exit codes: 0 success,
/// 1 a claim failed, 2 a usage error (reported in one line, no stack trace).
/// </summary>
public static class CommandLine
{
    public const int Ok = 0, ClaimFailed = 1, UsageError = 2;

    const string Verdicts = "PASS (the paper's observation held), NOT REPRODUCED (it did not, as spec/claims.md records), " +
        "FAIL (the outcome differs from the spec), PENDING (no check yet), SKIPPED (not run at this tier, or not started before --time-limit), INCONCLUSIVE (the 95% interval over runs straddles the bar: this tier cannot decide; not a failure)";

    /// <summary>The options of `verify`, `bench` and the commands, built once per call (no shared state).</summary>
    sealed class Grammar
    {
        public readonly Option<string> Tier = new("--tier") { Description = "default, experiment or gpu: how much training the run buys", DefaultValueFactory = _ => "default" };
        public readonly Option<string?> Claims = new("--claims") { Description = "comma-separated claim ids (e.g. D3,P2); default: every claim" };
        public readonly Option<string> Out = new("--out") { Description = "folder for report.md, claims.json and figures", DefaultValueFactory = _ => Path.Combine("artifacts", "verify") };
        public readonly Option<int> Seed = new("--seed") { Description = "base seed: the runs use seeds N+1, N+2, …", DefaultValueFactory = _ => 0 };
        public readonly Option<int?> TimeLimit = new("--time-limit") { Description = "seconds, counted from the start of the run (after start-up), after which no further claim starts: the claims not started are reported SKIPPED, the report says the run was stopped and is still written (for a GPU call with a deadline); default none" };
        public readonly Option<string?> Device = new("--device") { Description = "auto, cpu or cuda (overrides AUTOENCODERS_DEVICE)" };
        public readonly Option<string> Models = new("--models") { Description = "K, the models trained at once for the batched timing: one count or a comma-separated list (e.g. 10,100), each 1–128", DefaultValueFactory = _ => "5" };
        public readonly Option<int> Steps = new("--steps") { Description = "timed steps (1–100000)", DefaultValueFactory = _ => 50 };
        public readonly Option<int> Warmup = new("--warmup") { Description = "untimed steps before each timing (0–100000; a process's first steps pay for JIT compilation and heap growth)", DefaultValueFactory = _ => 50 };
        public readonly Option<string> Python = new("--python") { Description = "the Python interpreter that runs the PyTorch reference step (e.g. /usr/bin/python3, where Debian's python3-torch is installed)", DefaultValueFactory = _ => "python3" };
        public readonly Option<bool> Profile = new("--profile") { Description = "instead: where a step's time goes (phases of the step, each layer's forward and backward), with our convolution kernels and with libtorch's, as JSON" };
        public readonly Option<bool> Verbose = new(VerboseFlag) { Description = "on a failure, print the stack trace too", Recursive = true };
        public readonly RootCommand Root;

        /// <param name="output">Results (the report summary, bench's JSON).</param>
        /// <param name="progress">Lines a run writes as it goes, beside its result (bench's timings, one at a time).</param>
        public Grammar(TextWriter output, TextWriter progress)
        {
            Tier.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "default", "experiment", "gpu");
            Device.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "auto", "cpu", "cuda");
            Claims.Validators.Add(r =>
            {
                foreach (var id in Split(r.GetValueOrDefault<string?>()))
                    if (!ClaimRegistry.Default.Contains(id))
                        r.AddError($"--claims: '{id}' is not a claim of spec/claims.md (known: {string.Join(", ", ClaimRegistry.Default.Claims.Select(c => c.Id))})");
            });
            Out.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--out needs a folder"); });
            Range(Seed, 0, int.MaxValue);
            TimeLimit.Validators.Add(r =>
            {
                int? v;
                try { v = r.GetValueOrDefault<int?>(); }
                catch (InvalidOperationException) { r.AddError($"--time-limit '{string.Join(" ", r.Tokens.Select(t => t.Value))}' must be a number of seconds from 1 to 604800"); return; }
                if (v is < 1 or > 604800) r.AddError($"--time-limit {v} must be a number of seconds from 1 to 604800");
            });
            Models.Validators.Add(r =>
            {
                string text = r.GetValueOrDefault<string>() ?? "";
                if (ModelCounts(text) is null) r.AddError($"--models '{text}' must be a count from 1 to 128 or a comma-separated list of them");
            });
            Range(Steps, 1, 100000);
            Range(Warmup, 0, 100000);
            Python.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--python needs an interpreter (a name on PATH or a path)"); });

            var verify = new Command("verify", "Runs the claim checks of a tier and prints one line per claim of spec/claims.md: " + Verdicts +
                ". Writes report.md and claims.json. Exit code 0 when nothing failed, 1 when a claim failed, 2 for usage errors.")
                { Tier, Claims, Out, Seed, Device, TimeLimit };
            verify.SetAction(p => Verify(p, output));
            var bench = new Command("bench", "Times a training step of the paper's 64×64 disk autoencoder at batch 300, for one model and for K at once (and Sec. 5.4's 1-D position decoders for K = 1, 10 and 30), and the same step in PyTorch when python3 (or --python) has torch (bench/pytorch_step.py), in one run; then trains a short run twice and says whether it repeats bit for bit (on CUDA, also how far it drifts from the CPU). Prints the ms per step, their ratios and the comparisons as JSON.") { Models, Steps, Warmup, Python, Profile, Device };
            bench.SetAction(p => Bench(p, output, progress));
            var clear = new Command("clear", "Empties the trained-model cache.");
            clear.SetAction(_ => { output.WriteLine($"removed {ModelCache.Clear()} cached model(s) from {ModelCache.Directory}"); return Ok; });
            var path = new Command("path", "Prints the trained-model cache folder.");
            path.SetAction(_ => { output.WriteLine(ModelCache.Directory); return Ok; });
            var cache = new Command("cache", "The trained-model cache: .cache/models in the repository, or $AUTOENCODERS_CACHE.") { clear, path };
            Root = new RootCommand("autoencoders — executable claims of Newson et al., \"Processing Simple Geometric Attributes with Autoencoders\". " +
                "Verdicts: " + Verdicts + ". Environment: AUTOENCODERS_DEVICE (auto|cpu|cuda), AUTOENCODERS_THREADS (default 2), AUTOENCODERS_CACHE (model cache folder).")
                { verify, bench, cache, Verbose };
        }

        static void Range(Option<int> option, int min, int max) =>
            option.Validators.Add(r =>
            {
                int v;
                try { v = r.GetValueOrDefault<int>(); }
                catch (InvalidOperationException) { r.AddError($"{option.Name} '{string.Join(" ", r.Tokens.Select(t => t.Value))}' must be an integer from {min} to {max}"); return; }
                if (v < min || v > max) r.AddError($"{option.Name} {v} must be an integer from {min} to {max}");
            });

        int Verify(ParseResult p, TextWriter output)
        {
            StartRuntime(p);
            var claims = Split(p.GetValue(Claims));
            var options = new VerifyOptions(Tiers.Parse(p.GetValue(Tier)!), claims.Length > 0 ? claims : null, p.GetValue(Out)!, p.GetValue(Seed),
                p.GetValue(TimeLimit) is int seconds ? TimeSpan.FromSeconds(seconds) : null);
            var results = ProgressDisplay.Run(output, log => VerifyRun.Run(options, log));
            output.WriteLine(ReportWriter.Summary(results));
            return results.Any(r => r.Verdict == Verdict.Fail) ? ClaimFailed : Ok;
        }

        /// <summary>
        /// Applies --device and starts the runtime before anything else touches libtorch (its thread and library
        /// settings bind only then); a setting it cannot use is a usage error, a libtorch that does not load is not.
        /// </summary>
        void StartRuntime(ParseResult p)
        {
            if (p.GetValue(Device) is { } device) Environment.SetEnvironmentVariable(TorchRuntime.DeviceVariable, device.ToLowerInvariant());
            try { TorchRuntime.Initialise(); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
        }

        int Bench(ParseResult p, TextWriter output, TextWriter progress)
        {
            StartRuntime(p);
            if (p.GetValue(Profile))
            {
                if (TorchRuntime.Device.type != TorchSharp.DeviceType.CPU)
                    throw new UsageException("bench --profile compares our CPU convolution kernels with libtorch's: it runs on the CPU only (--device cpu)");
                var profiles = StepProfile.Compare(ModelCounts(p.GetValue(Models)!)![0], Math.Min(p.GetValue(Steps), 200), warmup: p.GetValue(Warmup));
                static object Ms(StepProfile.Phase[] phases) => phases.Select(x => new { name = x.Name, ms = Math.Round(x.Ms, 2) });
                output.WriteLine(JsonSerializer.Serialize(profiles.Select(profile => new { convolutions = profile.OwnKernels ? "ours" : "libtorch", models = profile.Models, batch = profile.BatchSize, ms_per_step = Math.Round(profile.MsPerStep, 2), threads = profile.Threads,
                    phases = Ms(profile.Phases), layer_forward = Ms(profile.LayerForward), layer_backward = Ms(profile.LayerBackward) }), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return Ok;
            }
            int steps = p.GetValue(Steps), warmup = p.GetValue(Warmup);
            // One model is timed before and after the batched runs, and their mean is the base of every ratio: the first
            // timing of a process still runs slower (JIT tiers, heap growth), and the host's speed drifts.
            // Each timing is also written to the progress writer as it is made: a bench killed by a deadline (the GPU
            // call's) leaves the timings it finished, where the JSON comes only at the end.
            TrainingBenchmark.Result Said(string what, TrainingBenchmark.Result r)
            {
                progress.WriteLine($"bench: {what}, {r.Models} model{(r.Models == 1 ? "" : "s")}: {r.MsPerStep:0.00} ms a step on {r.Device}");
                progress.Flush();
                return r;
            }
            var first = Said("paper network", TrainingBenchmark.Run(1, steps, warmup));
            var batched = ModelCounts(p.GetValue(Models)!)!.Select(k => Said("paper network", TrainingBenchmark.Run(k, steps, warmup))).ToArray();
            var last = Said("paper network (again)", TrainingBenchmark.Run(1, steps, warmup));
            var decoders = PositionDecoderCounts.Select(k => Said("1-D position decoders", TrainingBenchmark.RunPositionDecoders(k, steps, warmup))).ToArray();
            double mean = (first.MsPerStep + last.MsPerStep) / 2;
            var one = first with { MsPerStep = mean, MsPerModelStep = mean };
            // The same short training twice on this device (bit-identical on the CPU; on CUDA what deterministic mode leaves),
            // and on CUDA once more on the CPU: how far the two backends' rounding drifts apart in one training.
            var device = TorchRuntime.Device;
            int repeatSteps = Math.Min(steps, MaxRepeatSteps);
            var repeat = Repeatability.Compare(new(device, RepeatSeeds), new(device, RepeatSeeds), repeatSteps);
            var acrossDevices = device.type == TorchSharp.DeviceType.CPU ? null : Repeatability.Compare(new(device, RepeatSeeds), new(TorchSharp.torch.CPU, RepeatSeeds), repeatSteps);
            var (reference, reason) = one.Device == "CPU" ? PyTorchReference.Run(p.GetValue(Python)!, TrainingBenchmark.ParameterCount(), steps, one.Threads, TimeSpan.FromMinutes(10), warmup) : (null, "the reference runs on the CPU only");
            output.WriteLine(JsonSerializer.Serialize(new
            {
                one_model_ms_per_step = Math.Round(one.MsPerStep, 2),
                one_model_before_and_after = new[] { Math.Round(first.MsPerStep, 2), Math.Round(last.MsPerStep, 2) },
                batched = batched.Select(k => Row(k, one.MsPerStep)),
                position_decoders = decoders.Select(k => Row(k, decoders[0].MsPerStep)),
                pytorch_ms_per_step = reference is null ? (double?)null : Math.Round(reference.MsPerStep, 2),
                pytorch_over_ours = reference is null ? (double?)null : Math.Round(reference.MsPerStep / one.MsPerStep, 2),
                pytorch = reference is null ? $"not run: {reason}" : reference.Description,
                repeat = Agreement(repeat),
                against_cpu = acrossDevices is null ? null : Agreement(acrossDevices),
                steps, warmup, device = one.Device, threads = one.Threads, cpu = PyTorchReference.CpuName(),
            }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return Ok;
        }

        /// <summary>Two models, as many steps as bench times up to 30: long enough for rounding differences to grow through Adam, a few seconds on a CPU.</summary>
        static int[] RepeatSeeds => [1, 2];
        const int MaxRepeatSteps = 30;

        /// <summary>A comparison of two trainings as bench prints it.</summary>
        static object Agreement(Repeatability.Result r) => new
        {
            devices = $"{r.First}, {r.Second}", models = r.Models, steps = r.Steps, bit_identical = r.BitIdentical,
            max_weight_difference = r.MaxWeightDifference, max_weight = Math.Round(r.MaxWeightMagnitude, 4), max_relative_loss_difference = r.MaxLossDifference,
        };

        /// <summary>One timing as bench prints it, with its ratio to the one-model time <paramref name="oneMs"/>.</summary>
        static object Row(TrainingBenchmark.Result k, double oneMs) =>
            new { models = k.Models, ms_per_step = Math.Round(k.MsPerStep, 2), ms_per_model_step = Math.Round(k.MsPerModelStep, 2), over_one = Math.Round(k.MsPerStep / oneMs, 2) };
    }

    /// <summary>
    /// The one line to show for a rejected command line: an unrecognised token names the problem better than the
    /// missing command it leaves behind; the library's multi-line messages are folded onto one line.
    /// </summary>
    static string FirstError(ParseResult result)
    {
        var error = result.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? result.Errors[0];
        string message = string.Join(" ", error.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // The library names .NET types ("System.Nullable`1[System.Int32]"); a user needs to hear what to type.
        var notNumber = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(System\.Nullable`1\[)?System\.Int32\]?'\.?$");
        return notNumber.Success ? $"{notNumber.Groups[2].Value} '{notNumber.Groups[1].Value}' is not a whole number" : message;
    }

    /// <summary>No response files: an argument starting with '@' is a value, not a file to read.</summary>
    static ParserConfiguration Plain => new() { ResponseFileTokenReplacer = null };

    /// <summary>K for bench's 1-D position decoders: one, and P4's seed counts at the default and the Experiment tier.</summary>
    static readonly int[] PositionDecoderCounts = [1, 10, 30];

    /// <summary>The K values of bench's --models ("5", "10,100"), or null when one is not a count from 1 to 128.</summary>
    static int[]? ModelCounts(string text)
    {
        var parts = Split(text);
        var counts = parts.Select(part => int.TryParse(part, out int k) && k >= 1 && k <= 128 ? k : 0).ToArray();
        return counts.Length > 0 && counts.All(k => k > 0) ? counts : null;
    }

    static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Checks a command line completely without running anything; throws <see cref="UsageException"/> naming the first problem.</summary>
    public static ParseResult Parse(string[] args)
    {
        if (args.Length == 0) throw new UsageException("no command given");
        var result = new Grammar(TextWriter.Null, TextWriter.Null).Root.Parse(args, Plain);
        if (result.Errors.Count > 0) throw new UsageException(FirstError(result));
        return result;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var grammar = new Grammar(output, error);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            grammar.Root.Parse(["--help"]).Invoke(invocation);
            return UsageError;
        }
        if (args is ["help"]) args = ["--help"]; // as the old parser did
        ParseResult? result = null;
        bool verbose = false;
        try
        {
            result = grammar.Root.Parse(args, Plain);
            if (result.Errors.Count > 0) throw new UsageException(FirstError(result));
            verbose = result.GetValue(grammar.Verbose);
            return result.Invoke(invocation);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run with --help for usage.");
            return UsageError;
        }
        catch (Exception e)
        {
            // A failure while a command runs (not a bad command line): one line naming what failed, exit 1; the stack
            // trace only with --verbose.
            string command = result?.CommandResult.Command.Name ?? "autoencoders";
            error.WriteLine(e is OperationCanceledException ? $"error: {command} was interrupted" : $"error: {command} failed: {OneLine(e)}");
            if (verbose) error.WriteLine(e.ToString());
            else error.WriteLine($"Run with {VerboseFlag} for the stack trace.");
            return ClaimFailed;
        }
    }

    public const string VerboseFlag = "--verbose";

    /// <summary>The innermost useful message, its type named when it is not self-explaining, on one line.</summary>
    static string OneLine(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException or AggregateException && e.InnerException is { } inner) e = inner;
        string text = string.Join(" ", e.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return e is InvalidOperationException or IOException or InvalidDataException or ArgumentException or ExternalException
            ? text : $"{e.GetType().Name}: {text}";
    }
}

public sealed class UsageException(string message) : Exception(message);
