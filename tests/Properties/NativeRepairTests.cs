using Autoencoders.Build;

namespace Autoencoders.Tests.Properties;

/// <summary>The build-time repair of TorchSharp's native library (DEVELOPERS.md: weaken the GLIBCXX_3.4.32 marker).</summary>
public class NativeRepairTests
{
    static string OriginalLibrary()
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(cache, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(path)) Assert.Ignore($"TorchSharp's original native library is not at {path}");
        return path;
    }

    static string SystemLibStdCxx() => ElfVersionRepair.FindSystemLibStdCxx() ?? throw new IgnoreException("no system libstdc++");

    [Test]
    public void The_library_needs_the_marker_version_from_libstdcxx()
    {
        var needs = ElfVersionRepair.ReadVersionNeeds(File.ReadAllBytes(OriginalLibrary()));
        Assert.That(needs.Any(n => n.File == ElfVersionRepair.LibStdCxx && n.Version == ElfVersionRepair.MarkerVersion && !n.IsWeak));
    }

    [Test]
    public void Repair_is_a_two_byte_idempotent_edit_of_a_copy()
    {
        string work = Path.Combine(Path.GetTempPath(), $"repair-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            string copy = Path.Combine(work, "libLibTorchSharp.so");
            File.Copy(OriginalLibrary(), copy);
            var system = SystemLibStdCxx();
            bool hostHasMarker = ElfVersionRepair.ReadVersionDefinitions(File.ReadAllBytes(system)).Contains(ElfVersionRepair.MarkerVersion);
            var first = ElfVersionRepair.Repair(copy, system);
            var second = ElfVersionRepair.Repair(copy, system);
            if (hostHasMarker)
            {
                Assert.That((first, second), Is.EqualTo((RepairOutcome.NotNeeded, RepairOutcome.NotNeeded)));
                return;
            }
            Assert.That((first, second), Is.EqualTo((RepairOutcome.Repaired, RepairOutcome.AlreadyRepaired)));
            var before = File.ReadAllBytes(OriginalLibrary());
            var after = File.ReadAllBytes(copy);
            Assert.That(after, Has.Length.EqualTo(before.Length));
            Assert.That(Enumerable.Range(0, before.Length).Count(i => before[i] != after[i]), Is.InRange(1, 2));
            Assert.That(ElfVersionRepair.ReadVersionNeeds(after).Single(n => n.Version == ElfVersionRepair.MarkerVersion).IsWeak);
        }
        finally { Directory.Delete(work, recursive: true); }
    }

    [Test]
    public void Negative_control_a_host_lacking_real_versions_is_refused_not_patched()
    {
        // libc defines GLIBC_* versions only: every GLIBCXX requirement is missing, and only the marker is safe to weaken.
        string libc = new[] { "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/lib64/libc.so.6" }.FirstOrDefault(File.Exists)
            ?? throw new IgnoreException("no libc.so.6 found");
        string copy = Path.Combine(Path.GetTempPath(), $"refuse-{Guid.NewGuid():N}.so");
        File.Copy(OriginalLibrary(), copy);
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => ElfVersionRepair.Repair(copy, libc));
            Assert.That(e!.Message, Does.Contain("GLIBCXX_3.4"));
            Assert.That(File.ReadAllBytes(copy), Is.EqualTo(File.ReadAllBytes(OriginalLibrary())), "a refused repair leaves the file as it was");
        }
        finally { File.Delete(copy); }
    }

    [Test]
    public void Garbage_is_not_an_ELF_file() =>
        Assert.Throws<InvalidDataException>(() => ElfVersionRepair.ReadVersionNeeds("not an elf file at all, just text padding it out to 64 bytes......."u8.ToArray()));
}
