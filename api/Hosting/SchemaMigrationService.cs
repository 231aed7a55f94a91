using Npgsql;
using Sykefravaer.Activities.Postgres.Migrations;

namespace Sykefravaer.Api.Hosting;

/// <summary>Brings the schema up to date before the API takes requests; safe alongside a worker doing the same.</summary>
public sealed partial class SchemaMigrationService(NpgsqlDataSource dataSource, ApiOptions options, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateDatabase)
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
