using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Autoencoders.Runtime;

/// <summary>
/// Runs TorchSharp on the libtorch of an installed PyTorch (<c>AUTOENCODERS_LIBTORCH</c> = its <c>torch/lib</c>
/// folder) instead of a NuGet native package: GPU machines often have PyTorch, and libtorch's CUDA package is several
/// GB. The libraries are loaded by full path, in dependency order, before TorchSharp loads <c>libLibTorchSharp.so</c>;
/// the dynamic loader then binds LibTorchSharp's needs (libtorch.so, libc10.so, libtorch_cpu.so, by soname) to these.
/// Used by the GPU bundle (build/bundle-gpu.sh), which leaves out the NuGet copies: two copies of libtorch in one
/// process would each keep its own state, so a build that carries its own is refused.
/// </summary>
/// <remarks>
/// TorchSharp 0.107.0 is built for libtorch 2.10 (its NuGet natives); PyTorch 2.11.0+cu130 was measured to resolve every
/// symbol LibTorchSharp needs (that the symbols bind does not yet show the C++ ABI agrees: a CUDA training run compared
/// with the CPU's results is still to be made). Other versions may not: LibTorchSharp is bound with every symbol resolved at once
/// (RTLD_NOW), so a missing one is reported here as one line naming it, not as the loader's fatal "symbol lookup
/// error" at its first call.
/// </remarks>
public static class LibTorchLocation
{
    public const string Variable = "AUTOENCODERS_LIBTORCH";

    /// <summary>The libtorch versions TorchSharp 0.107 is known to bind against (major.minor): 2.10 its own, 2.11 measured.</summary>
    public static readonly IReadOnlyList<string> KnownToWork = ["2.10", "2.11"];

    /// <summary>
    /// Loaded in this order; the optional ones where present. libtorch_global_deps.so first, as PyTorch itself does: it
    /// pulls in the CUDA libraries by their RUNPATH, which their own dependents could not find (RUNPATH serves only a
    /// library's direct dependencies).
    /// </summary>
    static readonly (string File, bool Required)[] Libraries =
    [
        ("libtorch_global_deps.so", false), ("libc10.so", true), ("libtorch_cpu.so", true), ("libc10_cuda.so", false), ("libtorch_cuda.so", false), ("libtorch.so", true),
    ];

    /// <summary>What was loaded, for reports: null when the setting is not used.</summary>
    public sealed record Loaded(string Directory, string? PyTorchVersion, bool Cuda)
    {
        /// <summary>Whether this PyTorch's major.minor is one TorchSharp 0.107 is known to work with.</summary>
        public bool KnownVersion => PyTorchVersion is { } v && KnownToWork.Any(k => v == k || v.StartsWith(k + ".", StringComparison.Ordinal));

        public override string ToString() =>
            $"libtorch from {Directory} (PyTorch {PyTorchVersion ?? "version unknown"}{(KnownVersion ? "" : ", a version not known to bind")}{(Cuda ? ", CUDA" : ", CPU only")})";
    }

    /// <summary>
    /// Loads the libraries named by <paramref name="directory"/> (the setting's value; null or empty: nothing to do).
    /// Throws <see cref="LibTorchLocationException"/> with a one-line message when the folder, a library or
    /// LibTorchSharp's binding to them is wrong.
    /// </summary>
    public static Loaded? Load(string? directory, string applicationDirectory)
    {
        if (string.IsNullOrWhiteSpace(directory)) return null;
        string dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
            throw new LibTorchLocationException($"{Variable}='{directory}' is not a folder: point it at an installed PyTorch's torch/lib (python3 -c \"import torch,os;print(os.path.dirname(torch.__file__))\" prints torch's folder).");
        foreach (var own in new[] { "libtorch_cpu.so", "libtorch.so", "libc10.so" })
            if (File.Exists(Path.Combine(applicationDirectory, own)))
                throw new LibTorchLocationException($"{Variable} is set, but this build carries its own libtorch ({Path.Combine(applicationDirectory, own)}): run the GPU bundle (build/bundle-gpu.sh), which leaves it out, or unset {Variable}.");
        string? version = PyTorchVersion(dir);
        bool cuda = false;
        foreach (var (file, required) in Libraries)
        {
            string path = Path.Combine(dir, file);
            if (!File.Exists(path))
            {
                if (required) throw new LibTorchLocationException($"{Variable}='{directory}' has no {file}: it is not a libtorch folder (expected torch/lib of a PyTorch install).");
                continue;
            }
            LoadOne(path, version, dir);
            cuda |= file == "libtorch_cuda.so";
        }
        string bridge = Path.Combine(applicationDirectory, "libLibTorchSharp.so");
        if (File.Exists(bridge)) LoadOne(bridge, version, dir, bindNow: true);
        return new Loaded(dir, version, cuda);
    }

    const int RtldLazy = 1, RtldNow = 2;

    [DllImport("libc", EntryPoint = "dlopen")]
    static extern IntPtr DlOpen(string path, int flags);

    [DllImport("libc", EntryPoint = "dlerror")]
    static extern IntPtr DlError();

    /// <summary>dlopen by path; with <paramref name="bindNow"/> every symbol is resolved now, so a missing one fails here.</summary>
    static void LoadOne(string path, string? version, string libDirectory, bool bindNow = false)
    {
        if (DlOpen(path, bindNow ? RtldNow : RtldLazy) != IntPtr.Zero) return;
        string why = Marshal.PtrToStringUTF8(DlError()) ?? "no reason given";
        why = string.Join(" ", why.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        throw new LibTorchLocationException($"{Path.GetFileName(path)} does not load against the libtorch in {libDirectory} (PyTorch {version ?? "version unknown"}; " +
            $"TorchSharp 0.107 is known to bind against PyTorch {string.Join(" and ", KnownToWork)}): {why}");
    }

    /// <summary>The version in torch/version.py beside torch/lib (e.g. 2.11.0+cu130), or null.</summary>
    public static string? PyTorchVersion(string libDirectory)
    {
        string file = Path.Combine(libDirectory, "..", "version.py");
        if (!File.Exists(file)) return null;
        var match = Regex.Match(File.ReadAllText(file), @"__version__\s*=\s*['""]([^'""]+)['""]");
        return match.Success ? match.Groups[1].Value : null;
    }
}

/// <summary>The libtorch named by <see cref="LibTorchLocation.Variable"/> cannot be used; the message says why.</summary>
public sealed class LibTorchLocationException(string message) : InvalidOperationException(message);
