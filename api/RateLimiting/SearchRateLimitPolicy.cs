using Microsoft.AspNetCore.RateLimiting;
using Sykefravaer.Api.Validation;

namespace Sykefravaer.Api.RateLimiting;

/// <summary>The fødselsnummer search, limited per veileder: nothing is searched for a refused request.</summary>
internal sealed class SearchRateLimitPolicy(RateLimitSettings settings, ILogger<SearchRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public System.Threading.RateLimiting.RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        CallerWindow.Partition(httpContext, settings.Search);

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        CallerWindow.LogRefused(logger, ApiRateLimits.SearchPolicy, context.HttpContext);
        var problem = Problems.TooManyRequests(
            ApiRateLimits.SearchPolicy,
            $"Case searches are limited to {settings.Search.Describe()} for each caller. Nothing was searched.",
            CallerWindow.RetryAfterSeconds(context.Lease, settings.Search));
        await problem.ExecuteAsync(context.HttpContext).ConfigureAwait(false);
    }
}
