namespace Sykefravaer.Testing;

/// <summary>Finds the built offline server (<c>offline-temporal/bin/&lt;Configuration&gt;/net10.0/temporal-test-server</c>);
/// the project reference in Sykefravaer.Testing.csproj builds it in the tests' configuration.</summary>
public static class OfflineServerLocator
{
    /// <summary>Gets the path of the built server executable, or throws saying how to build it.</summary>
    public static string Locate() =>
        RepositoryBuild.OutputFile("offline-temporal", OperatingSystem.IsWindows() ? "temporal-test-server.exe" : "temporal-test-server");
}
