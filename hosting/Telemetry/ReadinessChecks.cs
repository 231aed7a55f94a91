using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Client;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>Ready means PostgreSQL answers (<c>SELECT 1</c>) within the readiness timeout.</summary>
public sealed class PostgresReadiness(NpgsqlDataSource dataSource, TelemetrySettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ReadinessTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // The reason without the connection string: the message names the host at most, never a password.
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {settings.ReadinessTimeout.TotalSeconds:0.#} s ({e.GetType().Name}).");
        }
    }
}

/// <summary>Ready means the Temporal frontend answers (<c>GetSystemInfo</c>, the call every SDK makes on connecting)
/// within the readiness timeout.</summary>
public sealed class TemporalReadiness(ITemporalClient client, TelemetrySettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.Connection.WorkflowService.GetSystemInfoAsync(
                new GetSystemInfoRequest(),
                new RpcOptions { Timeout = settings.ReadinessTimeout, Retry = false, CancellationToken = cancellationToken }).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Temporalio.Exceptions.RpcException or InvalidOperationException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Temporal did not answer within {settings.ReadinessTimeout.TotalSeconds:0.#} s ({e.GetType().Name}).");
        }
    }
}
