namespace Sykefravaer.Api.RateLimiting;

/// <summary>
/// The API's rate limits, ASP.NET Core's rate limiter with one policy per limited endpoint: the fødselsnummer search
/// (<see cref="SearchPolicy"/>) and event submission (<see cref="EventsPolicy"/>). The limiter runs after
/// authentication and authorization (<c>ApiPipeline</c>), so it counts authenticated callers only and a request
/// without a valid token is a 401 that uses up nobody's limit.
/// </summary>
public static class ApiRateLimits
{
    public const string SearchPolicy = "search";

    public const string EventsPolicy = "events";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        // Read when the pipeline is built, so a bad value stops the start-up rather than the first request.
        services.AddSingleton(provider => RateLimitSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, SearchRateLimitPolicy>(SearchPolicy);
            options.AddPolicy<string, EventRateLimitPolicy>(EventsPolicy);
        });
        return services;
    }
}
