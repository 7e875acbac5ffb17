using System.Diagnostics;
using System.Text.Json;

namespace Autoencoders.Benchmarks;

/// <summary>
/// The same training step in PyTorch (bench/pytorch_step.py, embedded in this assembly), run beside ours when
/// the interpreter given (python3 by default) imports torch here, so a speed is always reported as a ratio measured in one run.
/// </summary>
public static class PyTorchReference
{
    /// <param name="Blas">The build's BLAS (BLAS_INFO: "generic" is the reference BLAS, slow; mkl, open…): the ratio depends on it.</param>
    public sealed record Result(double MsPerStep, string TorchVersion, int Threads, string Blas, bool OneDnn)
    {
        public string Description => $"torch {TorchVersion}, {Threads} threads, BLAS {Blas}, oneDNN {(OneDnn ? "on" : "off")}";
    }

    /// <summary>
    /// The reference's ms per step, or null with the reason it could not run (no such interpreter, no torch, an error,
    /// or a network whose parameter count is not <paramref name="expectedParameters"/>, ours).
    /// <paramref name="python"/> is a name on PATH or a path: Debian's python3-torch lives under /usr/bin/python3,
    /// which a pyenv or venv python3 earlier on PATH hides.
    /// </summary>
    public static (Result? Result, string? Reason) Run(string python, long expectedParameters, int steps, int threads, TimeSpan timeout, int warmup = 50)
    {
        using var stream = typeof(PyTorchReference).Assembly.GetManifestResourceStream("pytorch_step.py")
            ?? throw new InvalidOperationException("bench/pytorch_step.py is not embedded in the Autoencoders assembly");
        string script = Path.Combine(Path.GetTempPath(), $"autoencoders-pytorch-step-{Environment.ProcessId}.py");
        try
        {
            using (var file = File.Create(script)) stream.CopyTo(file);
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // The reference runs as the user would run it: without the OpenMP settings we chose for ourselves (passive
            // waiting, no block time), which its libgomp would otherwise inherit; its thread count is set by the script.
            foreach (string name in Runtime.TorchRuntime.DefaultsSet) start.Environment.Remove(name);
            foreach (var a in new[] { script, steps.ToString(), threads.ToString(), warmup.ToString() }) start.ArgumentList.Add(a);
            Process process;
            try { process = Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception e) { return (null, $"{python} could not be started: {e.Message}"); }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(timeout)) { process.Kill(entireProcessTree: true); return (null, $"the PyTorch step did not finish in {timeout.TotalSeconds:0} s"); }
                if (process.ExitCode != 0)
                {
                    string message = error.Result.Contains("No module named 'torch'", StringComparison.Ordinal) ? $"{python} has no torch module" : $"{python} exited with {process.ExitCode}: {error.Result.Trim().Split('\n')[^1]}";
                    return (null, message);
                }
                return Read(output.Result, python, expectedParameters);
            }
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The reference's answer, its last line as bench/pytorch_step.py prints it, or why it is not one.</summary>
    static (Result? Result, string? Reason) Read(string output, string python, long expectedParameters)
    {
        string last = output.Trim().Split('\n')[^1];
        try
        {
            using var json = JsonDocument.Parse(last);
            var root = json.RootElement;
            long parameters = root.GetProperty("parameters").GetInt64();
            if (parameters != expectedParameters)
                return (null, $"the reference network has {parameters} parameters, ours {expectedParameters}: not the same step");
            return (new Result(root.GetProperty("ms_per_step").GetDouble(), root.GetProperty("torch").GetString() ?? "?", root.GetProperty("threads").GetInt32(),
                root.GetProperty("blas").GetString() ?? "?", root.GetProperty("onednn").GetBoolean()), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, $"{python} did not answer as bench/pytorch_step.py does (its last line: '{(last.Length > 80 ? last[..80] + "…" : last)}')");
        }
    }

    /// <summary>The CPU's model name (Linux: /proc/cpuinfo), for a timing to say where it came from.</summary>
    public static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
