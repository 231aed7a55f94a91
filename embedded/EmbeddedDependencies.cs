using System.Globalization;
using Microsoft.Extensions.Logging;
using Sykefravaer.Embedded.Postgres;
using Sykefravaer.Hosting;
using Temporalio.Testing;

namespace Sykefravaer.Embedded;

/// <summary>
/// Whatever the configuration leaves out, run here: a private PostgreSQL cluster in the data folder and Temporal's
/// dev server or else the offline Temporal server in real time, both keeping their state in the data folder, so a
/// restart (or a kill) loses no case. With both configured, this starts nothing and the same binaries use the
/// external services.
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

        _temporal = await StartTemporalDevServerAsync(logger).ConfigureAwait(false) ?? await StartOfflineTemporalAsync(logger).ConfigureAwait(false);
        Settings = Settings with { TemporalAddress = _temporal.Client.Connection.Options.TargetHost };
    }

    /// <summary>
    /// Temporal's own dev server, the real thing: the configured binary, or the one the SDK downloads (cached in the
    /// data folder). Its state is kept in the data folder, so running cases survive a restart. Null when none can be
    /// had (no binary configured and no internet).
    /// </summary>
    private async Task<WorkflowEnvironment?> StartTemporalDevServerAsync(ILogger logger)
    {
        var folder = Path.GetFullPath(Path.Combine(Settings.DataFolder, "temporal"));
        Directory.CreateDirectory(folder);
        try
        {
            var environment = await WorkflowEnvironment.StartLocalAsync(new()
            {
                Namespace = Settings.TemporalNamespace,
                DownloadDirectory = folder,
                DevServerOptions = new()
                {
                    ExistingPath = Settings.TemporalCliPath,
                    ExtraArgs = ["--db-filename", Path.Combine(folder, "temporal.db")],
                },
            }).ConfigureAwait(false);
            logger.LogInformation(
                "No Temporal__Address configured: started Temporal's dev server at {Address}, keeping its state in {Folder}",
                environment.Client.Connection.Options.TargetHost, folder);
            return environment;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Net.Http.HttpRequestException)
        {
            logger.LogInformation("Temporal's dev server could not be started or downloaded ({Reason})", e.Message);
            return null;
        }
    }

    // The SDK finds the server a free port and the server binds it a moment later; another process can take it in
    // between (parallel tests start several engines). A server that did not come up is tried again on a fresh port.
    private async Task<WorkflowEnvironment> StartOfflineTemporalAsync(ILogger logger)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOfflineTemporalOnceAsync(logger).ConfigureAwait(false);
            }
            catch (InvalidOperationException e) when (attempt < attempts)
            {
                logger.LogWarning("The offline Temporal server did not start ({Reason}); trying again", e.Message);
            }
        }
    }

    private async Task<WorkflowEnvironment> StartOfflineTemporalOnceAsync(ILogger logger)
    {
        var file = Path.GetFullPath(Path.Combine(Settings.DataFolder, "temporal", "offline-temporal.db"));
        var environment = await WorkflowEnvironment.StartLocalAsync(new()
        {
            Namespace = Settings.TemporalNamespace,
            // The SDK's default of five seconds is too little for a .NET server starting on a busy two-core machine.
            DevServerOptions = new()
            {
                ExistingPath = OfflineTemporalServer.Locate(),
                StartupTimeout = TimeSpan.FromSeconds(30),
                // Durable, and gone with this process even when it is killed (an orphan would keep the file locked).
                ExtraArgs = ["--db-filename", file, "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)],
            },
        }).ConfigureAwait(false);
        logger.LogInformation(
            "Started the offline Temporal server at {Address} instead, keeping every workflow in {File}, so running cases "
            + "survive a restart of the engine.",
            environment.Client.Connection.Options.TargetHost, file);
        return environment;
    }
}
