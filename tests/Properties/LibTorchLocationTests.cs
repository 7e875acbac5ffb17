using Autoencoders.Runtime;

namespace Autoencoders.Tests.Properties;

/// <summary>
/// AUTOENCODERS_LIBTORCH (#17): an installed PyTorch's libtorch instead of the NuGet natives. Bad settings are refused
/// with one line naming the problem; a good one loads. The GPU bundle itself is tried on the CPU by
/// build/bundle-gpu.sh and the README's check, not here (it needs a publish).
/// </summary>
public class LibTorchLocationTests
{
    /// <summary>The folder this test process loaded libtorch from: a libtorch folder that is known to work.</summary>
    static string OwnLibTorch => AppContext.BaseDirectory;

    static string EmptyFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "libtorch-location-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Test]
    public void No_setting_loads_nothing()
    {
        Assert.That(LibTorchLocation.Load(null, OwnLibTorch), Is.Null);
        Assert.That(LibTorchLocation.Load("  ", OwnLibTorch), Is.Null);
    }

    [Test]
    public void A_folder_that_does_not_exist_is_named()
    {
        var e = Assert.Throws<LibTorchLocationException>(() => LibTorchLocation.Load("/no/such/torch/lib", EmptyFolder()));
        Assert.That(e!.Message, Does.Contain("AUTOENCODERS_LIBTORCH='/no/such/torch/lib' is not a folder"));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void A_folder_without_libtorch_is_refused()
    {
        var e = Assert.Throws<LibTorchLocationException>(() => LibTorchLocation.Load(EmptyFolder(), EmptyFolder()));
        Assert.That(e!.Message, Does.Contain("has no libc10.so"));
    }

    [Test]
    public void A_build_that_carries_its_own_libtorch_refuses_a_second_one()
    {
        // Two libtorch copies in one process would each keep their own state.
        Assert.That(File.Exists(Path.Combine(OwnLibTorch, "libtorch_cpu.so")), "this test assumes the test output carries the NuGet natives");
        var e = Assert.Throws<LibTorchLocationException>(() => LibTorchLocation.Load(OwnLibTorch, OwnLibTorch));
        Assert.That(e!.Message, Does.Contain("carries its own libtorch"));
    }

    [Test]
    public void A_libtorch_folder_loads_and_reports_its_pytorch_version()
    {
        // The libraries this process already runs on, loaded again by path: the loader hands back the same ones.
        var loaded = LibTorchLocation.Load(OwnLibTorch, EmptyFolder());
        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.Cuda, Is.False, "the CPU package has no libtorch_cuda.so");
        Assert.That(loaded.ToString(), Does.StartWith($"libtorch from {Path.GetFullPath(OwnLibTorch)}"));
    }

    [Test]
    public void LibTorchSharp_is_bound_against_the_libraries_at_once_and_a_broken_one_is_named()
    {
        // The bridge is loaded with every symbol resolved (RTLD_NOW), so a libtorch that lacks one fails here, in one
        // line, not at the first call. A file that is not a library stands in for a bridge that does not bind.
        string app = EmptyFolder();
        File.WriteAllText(Path.Combine(app, "libLibTorchSharp.so"), "not an ELF file");
        var e = Assert.Throws<LibTorchLocationException>(() => LibTorchLocation.Load(OwnLibTorch, app));
        Assert.That(e!.Message, Does.StartWith("libLibTorchSharp.so does not load against the libtorch in").And.Contain("known to bind against PyTorch 2.10 and 2.11"));
        Assert.That(e.Message, Does.Not.Contain("\n"));
        // The real bridge (a link to the one this process runs) binds.
        string good = EmptyFolder();
        File.CreateSymbolicLink(Path.Combine(good, "libLibTorchSharp.so"), Path.Combine(OwnLibTorch, "libLibTorchSharp.so"));
        Assert.That(LibTorchLocation.Load(OwnLibTorch, good), Is.Not.Null);
    }

    [TestCase("2.11.0+cu130", true), TestCase("2.10.0", true), TestCase("2.9.1+cu128", false), TestCase("2.1.0", false), TestCase(null, false)]
    public void Only_the_pytorch_versions_known_to_work_are_reported_as_such(string? version, bool known)
    {
        var loaded = new LibTorchLocation.Loaded("/x/torch/lib", version, Cuda: true);
        Assert.That(loaded.KnownVersion, Is.EqualTo(known));
        Assert.That(loaded.ToString().Contains("not known to bind"), Is.EqualTo(!known));
    }

    [Test]
    public void The_pytorch_version_is_read_from_torch_version_py()
    {
        string torch = EmptyFolder(), lib = Path.Combine(torch, "lib");
        Directory.CreateDirectory(lib);
        Assert.That(LibTorchLocation.PyTorchVersion(lib), Is.Null);
        File.WriteAllText(Path.Combine(torch, "version.py"), "from typing import Optional\n__version__ = '2.11.0+cu130'\ngit_version = 'abc'\n");
        Assert.That(LibTorchLocation.PyTorchVersion(lib), Is.EqualTo("2.11.0+cu130"));
    }

    [Test]
    public void Deterministic_algorithms_are_switched_through_libtorchs_own_context()
    {
        // The switch a CUDA run turns on (TorchSharp 0.107 does not bind it): set, read back from libtorch, restored.
        bool before = LibTorchContext.DeterministicAlgorithms, beforeWarn = LibTorchContext.DeterministicAlgorithmsWarnOnly;
        try
        {
            LibTorchContext.UseDeterministicAlgorithms(true, warnOnly: true);
            Assert.That(LibTorchContext.DeterministicAlgorithms, Is.True);
            Assert.That(LibTorchContext.DeterministicAlgorithmsWarnOnly, Is.True);
            LibTorchContext.UseDeterministicAlgorithms(false, warnOnly: false);
            Assert.That(LibTorchContext.DeterministicAlgorithms, Is.False);
        }
        finally { LibTorchContext.UseDeterministicAlgorithms(before, beforeWarn); }
    }
}
