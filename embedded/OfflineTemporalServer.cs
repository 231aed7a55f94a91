namespace Sykefravaer.Embedded;

/// <summary>The offline Temporal server a host's build (worker, API) carries in <c>offline-temporal/</c> beside it.</summary>
public static class OfflineTemporalServer
{
    public static string Locate()
    {
        var name = OperatingSystem.IsWindows() ? "temporal-test-server.exe" : "temporal-test-server";
        var path = Path.Combine(AppContext.BaseDirectory, "offline-temporal", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The offline Temporal server is missing at {path}; build the host (dotnet build worker, or dotnet build api), whose build copies it there (embedded/OfflineTemporalServer.targets).",
                path);
    }
}
