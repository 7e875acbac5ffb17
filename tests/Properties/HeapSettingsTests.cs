using Autoencoders.Runtime;

namespace Autoencoders.Tests.Properties;

/// <summary>#18: the runtime asks glibc to keep freed tensor memory between training steps, and glibc accepts.</summary>
public class HeapSettingsTests
{
    [Test]
    public void On_linux_glibc_accepts_the_heap_settings()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("glibc only");
        Assert.That(TorchRuntime.HeapKept, Is.True, "TorchRuntime.Initialise applied them");
        Assert.That(HeapSettings.KeepFreedMemory(), Is.True, "mallopt accepts every value (applying them twice is harmless)");
    }
}
