namespace Autoencoders.Tests;

/// <summary>Where the repository is, for tests that read its files (found by walking up to Spec.sln).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Spec.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Spec.sln not found above the test directory");
    }
}
