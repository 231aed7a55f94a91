using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Persistence.Postgres.Migrations;

namespace Sykefravaer.Hosting;

/// <summary>
/// Brings the schema up to date before the host serves (hosted services start in registration order, each waiting for
/// the previous one). Safe when a worker and the API start together: the migrator takes an advisory lock.
/// </summary>
public sealed partial class SchemaMigrationService(
    NpgsqlDataSource dataSource, SchemaMigrationSettings settings, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.MigrateOnStart)
        {
            return;
        }

        var applied = await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema up to date ({Applied} migration(s) applied now)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}

/// <param name="MigrateOnStart">False where a deployment step applies the migrations instead.</param>
public sealed record SchemaMigrationSettings(bool MigrateOnStart);
