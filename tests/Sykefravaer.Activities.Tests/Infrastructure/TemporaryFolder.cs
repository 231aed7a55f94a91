namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Folders for throwaway clusters. Under the system temp folder, which the postgres user can reach when the
/// tests run as root (a folder under /root would not do).</summary>
internal static class TemporaryFolder
{
    public static string NewPath(string prefix) => Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
