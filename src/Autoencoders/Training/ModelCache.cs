using System.Security.Cryptography;
using System.Text;
using Autoencoders.Models;

namespace Autoencoders.Training;

/// <summary>
/// Trained models on disk, keyed by a hash of everything that determines them (the caller's full description of
/// data, model, training and seeds, plus library versions). Entries are checkpoints: written atomically (temporary
/// file and rename, so concurrent processes never see half a file) and checksummed (a corrupt entry is deleted
/// and retrained, never loaded).
/// Location: $AUTOENCODERS_CACHE, else .cache/models under the repository root (found by walking up to Spec.sln),
/// else under the system temporary folder. `autoencoders cache clear` empties it.
/// </summary>
public static class ModelCache
{
    public const string Variable = "AUTOENCODERS_CACHE";
    const string FormatVersion = "cache-v1";

    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(configured)) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Spec.sln"))) return Path.Combine(dir.FullName, ".cache", "models");
            return Path.Combine(Path.GetTempPath(), "autoencoders-cache", "models");
        }
    }

    public static string Key(string description)
    {
        string full = $"{FormatVersion}|{typeof(TorchSharp.torch).Assembly.GetName().Version}|{description}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..20].ToLowerInvariant();
    }

    /// <summary>
    /// The cached model for <paramref name="description"/>, or the one <paramref name="train"/> makes (then stored).
    /// One process trains a given configuration at a time: the others wait on its lock file (test projects run in
    /// parallel and share configurations) and then load what it stored.
    /// </summary>
    public static Autoencoder GetOrTrain(string description, Func<(Autoencoder Model, int[] Seeds, Adam Adam)> train, Action<string>? log = null)
    {
        string path = Path.Combine(Directory, Key(description) + ".aeckpt");
        System.IO.Directory.CreateDirectory(Directory);
        using var exclusive = Lock(path + ".lock", log);
        if (File.Exists(path))
        {
            try
            {
                var (model, _, adam) = Checkpoint.Load(path, Runtime.TorchRuntime.Device);
                adam.Dispose();
                log?.Invoke($"cache hit {Path.GetFileName(path)}");
                return model;
            }
            catch (InvalidDataException e)
            {
                log?.Invoke($"cache entry {Path.GetFileName(path)} unusable ({e.Message}); retraining");
                File.Delete(path);
            }
        }
        var trained = train();
        Checkpoint.Save(path, trained.Model, trained.Seeds, trained.Adam);
        trained.Adam.Dispose();
        return trained.Model;
    }

    /// <summary>An exclusive lock on a file (released when disposed, or by the OS if the process dies).</summary>
    static FileStream Lock(string path, Action<string>? log)
    {
        bool told = false;
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException)
            {
                if (!told) log?.Invoke($"waiting for another process training {Path.GetFileName(path)}");
                told = true;
                Thread.Sleep(500);
            }
        }
    }

    /// <summary>Deletes every cached model; returns how many.</summary>
    public static int Clear()
    {
        if (!System.IO.Directory.Exists(Directory)) return 0;
        var files = System.IO.Directory.GetFiles(Directory, "*.aeckpt");
        foreach (var f in files) File.Delete(f);
        return files.Length;
    }
}
