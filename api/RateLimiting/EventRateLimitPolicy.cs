using Microsoft.AspNetCore.RateLimiting;
using Sykefravaer.Api.Validation;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.RateLimiting;

/// <summary>Event submission, limited per upstream system. A refused event is refused before its endpoint runs, so it
/// is neither signalled nor recorded; it is counted with the other refused events (reason <c>rate_limited</c>).</summary>
internal sealed class EventRateLimitPolicy(RateLimitSettings settings, EngineMetrics metrics, ILogger<EventRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public System.Threading.RateLimiting.RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        CallerWindow.Partition(httpContext, settings.Events);

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        CallerWindow.LogRefused(logger, ApiRateLimits.EventsPolicy, context.HttpContext);
        // Each event endpoint carries its type (EventEndpoints): the metric's label set stays the closed set of types.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EventType>() is { } type)
        {
            metrics.EventRefused(type.Name, EventRefusal.RateLimited);
        }

        var problem = Problems.TooManyRequests(
            ApiRateLimits.EventsPolicy,
            $"Events are limited to {settings.Events.Describe()} for each sending system. This event was not recorded: send it again as it is.",
            CallerWindow.RetryAfterSeconds(context.Lease, settings.Events));
        await problem.ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
