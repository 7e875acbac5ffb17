using Autoencoders.Training;

namespace Autoencoders.Cli;

/// <summary>`cache clear` and `cache path`: the trained-model cache (see <see cref="ModelCache"/>).</summary>
public static class CacheCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["clear"]:
                output.WriteLine($"removed {ModelCache.Clear()} cached model(s) from {ModelCache.Directory}");
                return CommandLine.Ok;
            case ["path"]:
                output.WriteLine(ModelCache.Directory);
                return CommandLine.Ok;
            default:
                throw new UsageException($"cache takes one of: clear, path (got '{string.Join(" ", args)}')"); // Parse checks this first
        }
    }
}
