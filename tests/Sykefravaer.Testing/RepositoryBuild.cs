using System.Diagnostics;
using System.Reflection;

namespace Sykefravaer.Testing;

/// <summary>Where this repository's projects put their build output, in the configuration the tests were built in.</summary>
/// <remarks>
/// Programs the tests run as processes (the offline server, the worker's command line) are run from their own build
/// output rather than copied next to the tests: a project reference with <c>ReferenceOutputAssembly="false"</c>
/// builds them in the same configuration as the tests, and their output folder holds everything they need to run (a
/// copy would have to carry the whole dependency closure). The configuration is the one this library was built in,
/// stamped into it by the csproj, so a Release benchmark never runs a stale Debug build.
/// </remarks>
public static class RepositoryBuild
{
    private const string SolutionFile = "Sykefravaer.sln";

    /// <summary>Gets the repository the tests were built in: the folder of the solution file above them.</summary>
    public static string Root => FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>Gets the path of <paramref name="fileName"/> in the output of the project in
    /// <paramref name="projectFolder"/>, or throws saying how to build it.</summary>
    public static string OutputFile(string projectFolder, string fileName)
    {
        var configuration = BuildConfiguration();
        var path = Path.Combine(Root, projectFolder, "bin", configuration, "net10.0", fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} does not exist: build it with `dotnet build {projectFolder} -c {configuration}` (building the "
                + "test project that needs it does this too, through its project reference).",
                path);
    }

    /// <summary>Publishes the project in <paramref name="projectFolder"/> into <paramref name="outputFolder"/> as its
    /// Dockerfile does, but from the build the tests already made (<c>--no-build --no-restore</c>), so it takes seconds;
    /// throws with dotnet's output when publishing fails.</summary>
    public static async Task PublishAsync(string projectFolder, string outputFolder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        foreach (var arg in new[]
        {
            "publish", Path.Combine(Root, projectFolder), "-c", BuildConfiguration(), "-o", outputFolder,
            "--no-build", "--no-restore", "-nodeReuse:false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // No MSBuild node or server may outlive the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish {projectFolder} failed ({process.ExitCode}): {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }

    // `dotnet test` names the host it runs under; the same host publishes.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

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
            $"No {SolutionFile} above {start}: programs the tests run are looked up in the repository they were built in.");
    }

    private static string BuildConfiguration() =>
        typeof(RepositoryBuild).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "BuildConfiguration")?.Value
        ?? throw new InvalidOperationException("Sykefravaer.Testing was built without its BuildConfiguration metadata.");
}
