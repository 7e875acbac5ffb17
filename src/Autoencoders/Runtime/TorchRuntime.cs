using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Runtime;

/// <summary>
/// The one place that decides where and how tensors run. Call <see cref="Initialise"/> (or use
/// <see cref="Device"/>) before any other torch call: OpenMP reads its environment once, when libtorch loads.
/// </summary>
/// <remarks>
/// Settings (environment variables):
/// <list type="bullet">
/// <item><c>AUTOENCODERS_DEVICE</c> = <c>auto</c> (default: CUDA when available, else CPU), <c>cpu</c> or <c>cuda</c>.</item>
/// <item><c>AUTOENCODERS_THREADS</c> = intra-op thread count (default 2, measured fastest for these small nets on
/// the 2-core reference machine; see spec/settings.md). It binds libtorch's OpenMP pool and our own parallel loops
/// (kernels, dataset rendering), so a 16-core GPU host runs on what it is told.</item>
/// <item><c>AUTOENCODERS_LIBTORCH</c> = an installed PyTorch's <c>torch/lib</c> folder, used instead of the NuGet
/// natives (<see cref="LibTorchLocation"/>; the GPU bundle).</item>
/// </list>
/// On CUDA, libtorch runs its deterministic algorithms where it has them (warning, not failing, where it has none),
/// and cuBLAS uses a fixed workspace (CUBLAS_WORKSPACE_CONFIG), which its deterministic mode requires.
/// </remarks>
public static class TorchRuntime
{
    public const string DeviceVariable = "AUTOENCODERS_DEVICE";
    public const string ThreadsVariable = "AUTOENCODERS_THREADS";
    public const int DefaultThreads = 2;

    static readonly object Gate = new();
    static Device? device;
    static LibTorchLocation.Loaded? libTorch;
    static string determinism = "", gpuName = "";
    static bool heapKept;

    /// <summary>Whether glibc keeps freed tensor memory between steps (<see cref="HeapSettings"/>).</summary>
    public static bool HeapKept { get { Initialise(); return heapKept; } }

    /// <summary>The device every model and dataset tensor is placed on.</summary>
    public static Device Device { get { Initialise(); return device!; } }

    static int threads;
    static readonly List<string> defaultsSet = [];

    /// <summary>
    /// The environment variables this runtime set because the user had not (its native defaults above): a child
    /// process that should run as the user would (bench's PyTorch reference) is started without them.
    /// </summary>
    public static IReadOnlyList<string> DefaultsSet { get { Initialise(); lock (Gate) return defaultsSet.ToArray(); } }

    /// <summary>The thread count every parallel part uses (libtorch's pool, our kernels, dataset rendering).</summary>
    public static int Threads { get { Initialise(); return threads; } }

    public static void Initialise()
    {
        lock (Gate)
        {
            if (device is not null) return;
            int count = ParseThreads(Environment.GetEnvironmentVariable(ThreadsVariable));
            heapKept = HeapSettings.KeepFreedMemory();
            // libgomp spin-waits between parallel regions; passive waiting keeps two test processes from starving
            // each other. These must be in the native environment before libtorch (and its libgomp) loads.
            SetNativeEnv("OMP_NUM_THREADS", count.ToString());
            SetNativeEnv("OMP_WAIT_POLICY", "PASSIVE");
            SetNativeEnv("KMP_BLOCKTIME", "0");
            SetNativeEnv("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
            libTorch = LibTorchLocation.Load(Environment.GetEnvironmentVariable(LibTorchLocation.Variable), AppContext.BaseDirectory);
            torch.set_num_threads(count);
            torch.set_num_interop_threads(1);
            var chosen = ParseDevice(Environment.GetEnvironmentVariable(DeviceVariable));
            if (chosen.type == DeviceType.CUDA) { determinism = Deterministic(); gpuName = CudaName(); }
            threads = count;
            device = chosen;
        }
    }

    /// <summary>Turns on libtorch's deterministic algorithms (before any CUDA work); says whether it could.</summary>
    static string Deterministic()
    {
        try
        {
            LibTorchContext.UseDeterministicAlgorithms(true, warnOnly: true);
            return LibTorchContext.DeterministicAlgorithms ? ", deterministic algorithms where libtorch has them (warn-only)" : ", deterministic algorithms refused by libtorch";
        }
        catch (LibTorchLocationException e) { return $", deterministic algorithms unavailable ({e.Message})"; }
    }

    /// <summary>Parses a thread-count setting; throws a message naming the variable on bad input.</summary>
    public static int ParseThreads(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DefaultThreads;
        if (int.TryParse(value, out int n) && n >= 1 && n <= 256) return n;
        throw new ArgumentException($"{ThreadsVariable}='{value}' is not a thread count: use an integer from 1 to 256.");
    }

    /// <summary>Parses a device setting (auto, cpu, cuda); throws a message naming the variable on bad input.</summary>
    public static Device ParseDevice(string? value)
    {
        switch ((value ?? "auto").Trim().ToLowerInvariant())
        {
            case "":
            case "auto": return torch.cuda.is_available() ? CUDA : CPU;
            case "cpu": return CPU;
            case "cuda":
                if (!torch.cuda.is_available())
                    throw new ArgumentException(libTorch is { Cuda: false }
                        ? $"{DeviceVariable}=cuda but the PyTorch in {libTorch.Directory} is built for the CPU only: point {LibTorchLocation.Variable} (or PYTHON, for the bundle's run.sh) at a CUDA build of PyTorch."
                        : libTorch is null
                            ? $"{DeviceVariable}=cuda but CUDA is not available (this build uses the CPU TorchSharp package: run the GPU bundle, build/bundle-gpu.sh, on the GPU machine's PyTorch; README)."
                            : $"{DeviceVariable}=cuda but CUDA is not available through {libTorch} (no GPU visible to this process, or its driver is too old for this PyTorch?).");
                return CUDA;
            default:
                throw new ArgumentException($"{DeviceVariable}='{value}' is not a device: use auto, cpu or cuda.");
        }
    }

    /// <summary>Versions and settings, for reports and cache keys.</summary>
    public static string Describe() =>
        $"TorchSharp {typeof(torch).Assembly.GetName().Version}, {(libTorch is null ? "libtorch from its NuGet package" : libTorch.ToString())}, device {Device.type}{(Device.type == DeviceType.CUDA ? $" ({gpuName}{determinism})" : "")}, threads {Threads}";

    /// <summary>Which libtorch and GPU compute (for cache keys: another libtorch or GPU may round differently): "" for the NuGet one on the CPU.</summary>
    public static string LibTorchIdentity
    {
        get
        {
            Initialise();
            string gpu = device!.type == DeviceType.CUDA ? "/" + gpuName.Replace(' ', '-') : "";
            return (libTorch is null ? "" : $"/pytorch-{libTorch.PyTorchVersion ?? "unknown"}") + gpu;
        }
    }

    /// <summary>The GPU's name as the driver reports it (nvidia-smi), or "GPU" when it cannot be asked.</summary>
    static string CudaName()
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("nvidia-smi", "--query-gpu=name --format=csv,noheader") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return "GPU";
            var read = process.StandardOutput.ReadToEndAsync();
            if (!read.Wait(5000)) { process.Kill(); return "GPU"; }
            string name = read.Result.Split('\n')[0].Trim();
            return name.Length == 0 ? "GPU" : name;
        }
        catch (System.ComponentModel.Win32Exception) { return "GPU"; }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int NativeSetEnv(string name, string value, int overwrite);

    static void SetNativeEnv(string name, string value)
    {
        // An explicit user setting wins over our default.
        string? user = Environment.GetEnvironmentVariable(name);
        if (user is null) defaultsSet.Add(name);
        string effective = user ?? value;
        Environment.SetEnvironmentVariable(name, effective);
        if (!OperatingSystem.IsWindows()) NativeSetEnv(name, effective, 1);
    }
}
