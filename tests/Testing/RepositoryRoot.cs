namespace TrustLedger.Tests.Testing;

/// <summary>Finds the repository's root (the folder holding TrustLedger.slnx) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TrustLedger.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrustLedger.slnx not found above " + AppContext.BaseDirectory);
    }
}
