using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sykefravaer.Hosting.Telemetry;

/// <summary>The readiness answer as JSON, so that an operator who opens it sees which dependency is missing:
/// <c>{"status":"Unhealthy","checks":{"postgresql":"Healthy","temporal":"Temporal did not answer …"}}</c>.</summary>
internal static class ReadinessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => e.Value.Status == HealthStatus.Healthy ? "Healthy" : e.Value.Description ?? e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
