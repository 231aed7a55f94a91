using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sykefravaer.Activities.Postgres.Migrations;

namespace Sykefravaer.Worker.Hosting;

/// <summary>Brings the schema up to date before the Temporal worker starts polling (hosted services start in
/// registration order, each waiting for the previous one).</summary>
public sealed class SchemaMigrationService(NpgsqlDataSource dataSource, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Database schema up to date ({Applied} migration(s) applied now)", applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
