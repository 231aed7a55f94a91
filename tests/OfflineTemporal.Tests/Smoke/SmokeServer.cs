using Temporalio.Testing;

namespace OfflineTemporal.Tests.Smoke;

/// <summary>Starts the offline server straight from its build output, independent of the shared fixture.</summary>
internal static class SmokeServer
{
    // Several smoke classes start servers at once; on two busy cores the SDK's five-second default is too short.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    public static string ExecutablePath
    {
        get
        {
            var directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Sykefravaer.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }
            return Path.Combine(directory!, "offline-temporal", "bin", "Debug", "net10.0", "temporal-test-server");
        }
    }

    public static Task<WorkflowEnvironment> StartTimeSkippingAsync() =>
        WorkflowEnvironment.StartTimeSkippingAsync(new() { TestServer = new() { ExistingPath = ExecutablePath, StartupTimeout = StartupTimeout } });

    public static Task<WorkflowEnvironment> StartLocalAsync() =>
        WorkflowEnvironment.StartLocalAsync(new() { DevServerOptions = new() { ExistingPath = ExecutablePath, StartupTimeout = StartupTimeout } });
}
