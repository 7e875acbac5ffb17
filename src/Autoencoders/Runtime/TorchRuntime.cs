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
/// the 2-core reference machine; see spec/settings.md).</item>
/// </list>
/// </remarks>
public static class TorchRuntime
{
    public const string DeviceVariable = "AUTOENCODERS_DEVICE";
    public const string ThreadsVariable = "AUTOENCODERS_THREADS";
    public const int DefaultThreads = 2;

    static readonly object Gate = new();
    static Device? device;

    /// <summary>The device every model and dataset tensor is placed on.</summary>
    public static Device Device { get { Initialise(); return device!; } }

    public static int Threads { get; private set; }

    public static void Initialise()
    {
        lock (Gate)
        {
            if (device is not null) return;
            Threads = ParseThreads(Environment.GetEnvironmentVariable(ThreadsVariable));
            // libgomp spin-waits between parallel regions; passive waiting keeps two test processes from starving
            // each other. These must be in the native environment before libtorch (and its libgomp) loads.
            SetNativeEnv("OMP_NUM_THREADS", Threads.ToString());
            SetNativeEnv("OMP_WAIT_POLICY", "PASSIVE");
            SetNativeEnv("KMP_BLOCKTIME", "0");
            torch.set_num_threads(Threads);
            torch.set_num_interop_threads(1);
            device = ParseDevice(Environment.GetEnvironmentVariable(DeviceVariable));
        }
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
                    throw new ArgumentException($"{DeviceVariable}=cuda but CUDA is not available (this build uses the CPU TorchSharp package; switch to a CUDA libtorch package).");
                return CUDA;
            default:
                throw new ArgumentException($"{DeviceVariable}='{value}' is not a device: use auto, cpu or cuda.");
        }
    }

    /// <summary>Versions and settings, for reports and cache keys.</summary>
    public static string Describe() =>
        $"TorchSharp {typeof(torch).Assembly.GetName().Version}, device {Device.type}, threads {Threads}";

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int NativeSetEnv(string name, string value, int overwrite);

    static void SetNativeEnv(string name, string value)
    {
        // An explicit user setting wins over our default.
        string effective = Environment.GetEnvironmentVariable(name) ?? value;
        Environment.SetEnvironmentVariable(name, effective);
        if (!OperatingSystem.IsWindows()) NativeSetEnv(name, effective, 1);
    }
}
