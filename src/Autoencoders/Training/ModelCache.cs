using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoders.Training;

/// <summary>A trained network with the loss curve of its training: what the model cache stores and returns.</summary>
public sealed record TrainedNetwork<TModel>(TModel Model, TrainingResult Result) : IDisposable where TModel : nn.Module
{
    public void Dispose() => Model.Dispose();
}

/// <summary>
/// Trained networks on disk, keyed by a hash of their configuration record (<see cref="ConfigurationKey"/>: every
/// field, by construction) and the library versions. Entries are checkpoints: written atomically (temporary file and
/// rename, so concurrent processes never see half a file) and checksummed (a corrupt entry is deleted and retrained,
/// never loaded). Location: $AUTOENCODERS_CACHE, else .cache/models under the repository root (found by walking up
/// to Spec.sln), else under the system temporary folder. `cache clear` empties it.
/// </summary>
public static class ModelCache
{
    public const string Variable = "AUTOENCODERS_CACHE";
    const string FormatVersion = "cache-v2";

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

    /// <summary>
    /// The file name stem of a configuration's entry: the configuration, the TorchSharp version, the hash of the code
    /// that decides the weights (<see cref="TrainingCodeHash"/>), the device (a GPU rounds differently) and, where
    /// AUTOENCODERS_LIBTORCH is set, the PyTorch whose libtorch computes.
    /// </summary>
    public static string Key(object configuration) => Key(configuration, TrainingCodeHash, Runtime.TorchRuntime.Device.type.ToString() + ConvolutionBackend + Runtime.TorchRuntime.LibTorchIdentity);

    /// <summary>
    /// Which convolutions train here (they round differently): our CPU kernels where the CPU has AVX2 and FMA
    /// (<see cref="Models.StridedConvKernels"/>), libtorch's elsewhere. Part of the key, with the device.
    /// </summary>
    static string ConvolutionBackend => Models.StridedConvKernels.Supports(16) ? "" : "/libtorch-conv";

    /// <summary>The key for explicit code hash and device (what <see cref="Key(object)"/> fills in).</summary>
    public static string Key(object configuration, string trainingCodeHash, string device) =>
        ConfigurationKey.Hash(configuration, $"{FormatVersion}|{typeof(torch).Assembly.GetName().Version}|{trainingCodeHash}|{device}");

    /// <summary>
    /// SHA-256 over the sources of Data, Models, Training, Experiments and Runtime, stamped at build time
    /// (Autoencoders.csproj): a change to any of them retrains every cached network.
    /// </summary>
    public static string TrainingCodeHash { get; } =
        typeof(ModelCache).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false).Cast<System.Reflection.AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "TrainingCodeHash")?.Value is { Length: > 0 } hash ? hash
            : throw new InvalidOperationException("the assembly carries no TrainingCodeHash: build it with Autoencoders.csproj");

    /// <summary>
    /// The cached network for <paramref name="configuration"/>, or the one <paramref name="train"/> makes (then
    /// stored). One process trains a given configuration at a time: the others wait on its lock file (test projects
    /// run in parallel and share configurations) and then load what it stored.
    /// </summary>
    public static TrainedNetwork<TModel> GetOrTrain<TModel>(object configuration, Func<(TModel Model, int[] Seeds, Adam Adam, TrainingResult Result)> train, Action<string>? log = null)
        where TModel : nn.Module
    {
        string path = Path.Combine(Directory, Key(configuration) + ".aeckpt");
        System.IO.Directory.CreateDirectory(Directory);
        using var exclusive = Lock(path + ".lock", log);
        if (File.Exists(path))
        {
            try
            {
                var loaded = Checkpoint.Load(path, Runtime.TorchRuntime.Device);
                loaded.Adam.Dispose();
                if (loaded.Model is TModel model && loaded.Result is { } result)
                {
                    log?.Invoke($"cache hit {Path.GetFileName(path)}");
                    return new TrainedNetwork<TModel>(model, result);
                }
                loaded.Model.Dispose();
                log?.Invoke($"cache entry {Path.GetFileName(path)} holds a {loaded.Model.GetType().Name} without a loss curve, not a {typeof(TModel).Name}; retraining");
            }
            catch (InvalidDataException e)
            {
                log?.Invoke($"cache entry {Path.GetFileName(path)} unusable ({e.Message}); retraining");
            }
            File.Delete(path);
        }
        var trained = train();
        Checkpoint.Save(path, trained.Model, trained.Seeds, trained.Adam, trained.Result);
        trained.Adam.Dispose();
        return new TrainedNetwork<TModel>(trained.Model, trained.Result);
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
