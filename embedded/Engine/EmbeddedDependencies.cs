using Microsoft.Extensions.Logging;
using Sykefravaer.Embedded.Postgres;
using Temporalio.Testing;

namespace Sykefravaer.Embedded.Engine;

/// <summary>
/// Whatever the configuration leaves out, run here: a private PostgreSQL cluster in the data folder (kept between
/// runs) and the offline Temporal server in real time (whose state does NOT survive a restart). With both
/// configured, this starts nothing and the same binaries use the external services.
/// </summary>
public sealed class EmbeddedDependencies : IAsyncDisposable
{
    private PrivatePostgres? _postgres;
    private WorkflowEnvironment? _temporal;

    private EmbeddedDependencies(EngineSettings settings) => Settings = settings;

    /// <summary>The settings with every empty address filled in by what was started.</summary>
    public EngineSettings Settings { get; private set; }

    public static async Task<EmbeddedDependencies> StartAsync(EngineSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var started = new EmbeddedDependencies(settings);
        try
        {
            await started.StartPostgresIfMissingAsync(logger, cancellationToken).ConfigureAwait(false);
            await started.StartTemporalIfMissingAsync(logger).ConfigureAwait(false);
            return started;
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_temporal is not null)
        {
            await _temporal.ShutdownAsync().ConfigureAwait(false);
            await _temporal.DisposeAsync().ConfigureAwait(false);
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartPostgresIfMissingAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (Settings.ConnectionString is not null)
        {
            return;
        }

        var folder = Path.GetFullPath(Path.Combine(Settings.DataFolder, "postgres"));
        _postgres = await PrivatePostgres.StartAsync(new PrivatePostgresOptions { DataDirectory = folder }, cancellationToken)
            .ConfigureAwait(false);
        Settings = Settings with { ConnectionString = _postgres.ConnectionString };
        logger.LogInformation(
            "No ConnectionStrings__Sykefravaer configured: started a private PostgreSQL {Version} in {Folder} on port {Port}",
            _postgres.MajorVersion, folder, _postgres.Port);
    }

    private async Task StartTemporalIfMissingAsync(ILogger logger)
    {
        if (Settings.TemporalAddress is not null)
        {
            return;
        }

        _temporal = await WorkflowEnvironment.StartLocalAsync(new()
        {
            Namespace = Settings.TemporalNamespace,
            // The SDK's default of five seconds is too little for a .NET server starting on a busy two-core machine.
            DevServerOptions = new() { ExistingPath = OfflineTemporalServer.Locate(), StartupTimeout = TimeSpan.FromSeconds(30) },
        }).ConfigureAwait(false);
        Settings = Settings with { TemporalAddress = _temporal.Client.Connection.Options.TargetHost };
        logger.LogWarning(
            "No Temporal__Address configured: started the offline Temporal server at {Address}. It keeps workflows in "
            + "memory only: running cases are LOST when the engine stops. Configure a real Temporal for anything you keep.",
            Settings.TemporalAddress);
    }
}
