using System.Runtime.InteropServices;

namespace Autoencoders.Runtime;

/// <summary>
/// libtorch's global switches for reproducible GPU runs, which TorchSharp 0.107 does not bind (its
/// <c>use_deterministic_algorithms</c> is marked "not implemented"). Called through libtorch's own exports:
/// <c>at::globalContext()</c> and members of <c>at::Context</c>; in the Itanium C++ ABI a member function takes
/// <c>this</c> as its first argument and a bool as one byte. These members have kept their names since libtorch 1.x.
/// </summary>
public static unsafe class LibTorchContext
{
    /// <summary>
    /// Deterministic algorithms where libtorch has them; with <paramref name="warnOnly"/>, an operation that has none
    /// warns instead of failing. Also cuDNN: deterministic kernels, no autotuning (which picks kernels by timing).
    /// </summary>
    public static void UseDeterministicAlgorithms(bool enabled, bool warnOnly)
    {
        IntPtr context = GlobalContext();
        ((delegate* unmanaged<IntPtr, byte, byte, void>)Export("_ZN2at7Context26setDeterministicAlgorithmsEbb"))(context, Byte(enabled), Byte(warnOnly));
        ((delegate* unmanaged<IntPtr, byte, void>)Export("_ZN2at7Context21setDeterministicCuDNNEb"))(context, Byte(enabled));
        ((delegate* unmanaged<IntPtr, byte, void>)Export("_ZN2at7Context17setBenchmarkCuDNNEb"))(context, Byte(!enabled));
    }

    /// <summary>Whether deterministic algorithms are on, as libtorch itself reports it.</summary>
    public static bool DeterministicAlgorithms =>
        ((delegate* unmanaged<IntPtr, byte>)Export("_ZNK2at7Context23deterministicAlgorithmsEv"))(GlobalContext()) != 0;

    /// <summary>Whether an operation without a deterministic algorithm only warns.</summary>
    public static bool DeterministicAlgorithmsWarnOnly =>
        ((delegate* unmanaged<IntPtr, byte>)Export("_ZNK2at7Context31deterministicAlgorithmsWarnOnlyEv"))(GlobalContext()) != 0;

    static byte Byte(bool value) => value ? (byte)1 : (byte)0;

    static IntPtr GlobalContext() => ((delegate* unmanaged<IntPtr>)Export("_ZN2at13globalContextEv"))();

    static IntPtr Export(string symbol)
    {
        // Called once libtorch is in the process (TorchRuntime, after its first torch call). By soname: the dynamic loader hands back the libtorch_cpu already in the process, wherever it came from.
        if (!NativeLibrary.TryLoad("libtorch_cpu.so", out IntPtr library) || !NativeLibrary.TryGetExport(library, symbol, out IntPtr address))
            throw new LibTorchLocationException($"libtorch_cpu.so has no export {symbol}: this libtorch is not one TorchSharp 0.107 works with (PyTorch {string.Join(" or ", LibTorchLocation.KnownToWork)}).");
        return address;
    }
}
