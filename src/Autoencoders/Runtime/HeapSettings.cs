using System.Runtime.InteropServices;

namespace Autoencoders.Runtime;

/// <summary>
/// Keeps freed tensor memory in the process between training steps (#18). libtorch's CPU allocator takes every tensor
/// from malloc and frees it when the step's tensors are disposed. glibc serves blocks above its mmap threshold (128 KiB
/// at first) with fresh pages from the kernel and trims freed memory at the top of its heap, so the 5–10 MB
/// activations and gradients of a step at batch 300 were page-faulted in anew every step. Measured (AMD EPYC,
/// 2 threads, `bench`, the same binary with and without these settings as glibc environment tunables, two runs each):
/// one model 43–48 → 31–35 ms per step, K = 5 178–189 → 136–137 ms.
/// </summary>
public static class HeapSettings
{
    // mallopt parameters (malloc.h).
    const int TrimThreshold = -1, TopPad = -2, MmapThreshold = -3;

    /// <summary>The largest block glibc accepts as its mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX).</summary>
    public const int MmapThresholdBytes = 32 << 20;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int MallOpt(int parameter, int value);

    /// <summary>
    /// Serves blocks up to 32 MiB from the heap, never trims it below 1 GiB, and grows it 64 MiB at a time. Returns
    /// whether glibc accepted every setting (false off Linux, where nothing is changed).
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallOpt(MmapThreshold, MmapThresholdBytes) == 1 & MallOpt(TrimThreshold, 1 << 30) == 1 & MallOpt(TopPad, 64 << 20) == 1;
        }
        catch (EntryPointNotFoundException) { return false; } // a libc without mallopt (musl): leave it as it is
    }
}
