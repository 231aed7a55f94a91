using Temporalio.Client;
using Temporalio.Testing;

namespace Sykefravaer.Testing;

/// <summary>
/// The one way test suites in this repository get a Temporal server: the kind named by
/// <see cref="TemporalTestEnvironmentVariables.Server"/>, started through the SDK's own testing API so that the same
/// tests run against this repository's offline server and against Temporal's.
/// </summary>
public sealed class TemporalTestServer : IAsyncDisposable
{
    // The SDK's default of five seconds is too little for a .NET server starting on a busy two-core CI machine.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private TemporalTestServer(TemporalServerKind kind, WorkflowEnvironment environment)
    {
        Kind = kind;
        Environment = environment;
    }

    /// <summary>Gets which kind of server this is.</summary>
    public TemporalServerKind Kind { get; }

    /// <summary>Gets the SDK's environment: its client, and its clock when time skips.</summary>
    public WorkflowEnvironment Environment { get; }

    /// <summary>Gets a client connected to the server's namespace.</summary>
    public ITemporalClient Client => Environment.Client;

    /// <summary>Gets a value indicating whether timers run on a virtual clock that skips ahead while all work is idle.</summary>
    public bool SupportsTimeSkipping => Environment.SupportsTimeSkipping;

    /// <summary>Gets a value indicating whether this is the repository's offline server.</summary>
    public bool IsOffline => TemporalServerSelection.IsOffline(Kind);

    /// <summary>Starts (or, for <c>existing</c>, connects to) the server the environment names.</summary>
    public static Task<TemporalTestServer> StartAsync(TemporalTestServerOptions? options = null) =>
        StartAsync(TemporalServerSelection.FromEnvironment(), options ?? new());

    /// <summary>Starts (or connects to) a server of the given kind.</summary>
    public static async Task<TemporalTestServer> StartAsync(TemporalServerKind kind, TemporalTestServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var environment = await StartEnvironmentAsync(kind, options).ConfigureAwait(false);
            if (kind is not (TemporalServerKind.OfflineDev or TemporalServerKind.Dev))
            {
                await SearchAttributeRegistration.RegisterAsync(environment.Client, options.SearchAttributes).ConfigureAwait(false);
            }

            return new TemporalTestServer(kind, environment);
        }
        catch (Exception error) when (error is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidOperationException(
                $"Could not start the Temporal server that {TemporalTestEnvironmentVariables.Server} selects ({kind}): {error.Message}",
                error);
        }
    }

    /// <summary>Stops the server if it was started here.</summary>
    public async ValueTask DisposeAsync() => await Environment.ShutdownAsync().ConfigureAwait(false);

    private static async Task<WorkflowEnvironment> StartEnvironmentAsync(TemporalServerKind kind, TemporalTestServerOptions options) =>
        kind switch
        {
            TemporalServerKind.Offline => await StartTimeSkippingAsync(OfflineServerLocator.Locate(), [.. DbArguments(options), .. DynamicConfigArguments(options)]).ConfigureAwait(false),
            TemporalServerKind.OfflineDev => await StartLocalAsync(OfflineServerLocator.Locate(), options, [.. DbArguments(options), .. DynamicConfigArguments(options)]).ConfigureAwait(false),
            _ when options.DbFilename is not null => throw new ArgumentException(
                $"A database file is the offline server's option; {kind} keeps its state its own way.", nameof(options)),
            TemporalServerKind.TimeSkipping when options.DynamicConfig.Count > 0 => throw new ArgumentException(
                "Temporal's time-skipping test server takes no dynamic config: run this test on the offline server or the dev server.", nameof(options)),
            TemporalServerKind.TimeSkipping => await StartTimeSkippingAsync(ServerPathOverride(), []).ConfigureAwait(false),
            TemporalServerKind.Dev => await StartLocalAsync(ServerPathOverride(), options, DynamicConfigArguments(options)).ConfigureAwait(false),
            TemporalServerKind.Existing => await ConnectToExistingAsync().ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of Temporal server."),
        };

    // A null path lets the SDK download Temporal's own binary (and fail fast where it cannot).
    private static Task<WorkflowEnvironment> StartTimeSkippingAsync(string? executablePath, IReadOnlyCollection<string> extraArguments) =>
        WorkflowEnvironment.StartTimeSkippingAsync(new()
        {
            TestServer = new() { ExistingPath = executablePath, StartupTimeout = StartupTimeout, ExtraArgs = extraArguments },
        });

    private static Task<WorkflowEnvironment> StartLocalAsync(
        string? executablePath, TemporalTestServerOptions options, IReadOnlyCollection<string> extraArguments) =>
        WorkflowEnvironment.StartLocalAsync(new()
        {
            DevServerOptions = new() { ExistingPath = executablePath, StartupTimeout = StartupTimeout, ExtraArgs = extraArguments },
            SearchAttributes = options.SearchAttributes,
        });

    private static string[] DbArguments(TemporalTestServerOptions options) => options.DbFilename is { } file
        ? ["--db-filename", file, .. options.SqlitePragmas.SelectMany(p => new[] { "--sqlite-pragma", $"{p.Key}={p.Value}" })]
        : [];

    private static string[] DynamicConfigArguments(TemporalTestServerOptions options) =>
        [.. options.DynamicConfig.SelectMany(p => new[] { "--dynamic-config-value", $"{p.Key}={p.Value}" })];

    private static async Task<WorkflowEnvironment> ConnectToExistingAsync()
    {
        var address = ValueOf(TemporalTestEnvironmentVariables.Address) ?? "localhost:7233";
        var ns = ValueOf(TemporalTestEnvironmentVariables.Namespace) ?? "default";
        var client = await TemporalClient.ConnectAsync(new(address) { Namespace = ns }).ConfigureAwait(false);
        return new WorkflowEnvironment(client);
    }

    private static string? ServerPathOverride() => ValueOf(TemporalTestEnvironmentVariables.ServerPath);

    private static string? ValueOf(string variable)
    {
        var value = System.Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
