using System.Reflection;

namespace Sykefravaer.Testing;

/// <summary>Finds the built offline server (<c>offline-temporal/bin/&lt;Configuration&gt;/net10.0/temporal-test-server</c>).</summary>
/// <remarks>
/// The server is found in its own build output rather than copied next to the tests: the project reference in
/// Sykefravaer.Testing.csproj builds it in the same configuration as the tests, and its output folder holds everything
/// it needs to run (a copy would have to carry its whole dependency closure). The configuration is the one this
/// library was built in, stamped into it by the csproj, so a Release benchmark never runs a stale Debug server.
/// </remarks>
public static class OfflineServerLocator
{
    private const string SolutionFile = "Sykefravaer.sln";
    private const string ServerFolder = "offline-temporal";
    private const string ServerExecutable = "temporal-test-server";

    /// <summary>Gets the path of the built server executable, or throws saying how to build it.</summary>
    public static string Locate()
    {
        var repositoryRoot = FindRepositoryRoot(AppContext.BaseDirectory);
        var configuration = BuildConfiguration();
        var path = Path.Combine(repositoryRoot, ServerFolder, "bin", configuration, "net10.0", ExecutableFileName());
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The offline Temporal server is not built: {path} does not exist. "
                + $"Build it with `dotnet build {ServerFolder} -c {configuration}` (building any test project that "
                + "references Sykefravaer.Testing does this too).",
                path);
        }

        return path;
    }

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFile} above {start}: the offline Temporal server is looked up in the repository it was built in.");
    }

    private static string BuildConfiguration() =>
        typeof(OfflineServerLocator).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "BuildConfiguration")?.Value
        ?? throw new InvalidOperationException("Sykefravaer.Testing was built without its BuildConfiguration metadata.");

    private static string ExecutableFileName() => OperatingSystem.IsWindows() ? ServerExecutable + ".exe" : ServerExecutable;
}
