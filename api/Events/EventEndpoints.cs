using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Ingestion;
using Sykefravaer.Api.RateLimiting;
using Sykefravaer.Api.Validation;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Domain.Time;
using Sykefravaer.Workflows;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Events;

/// <summary>
/// <c>POST /api/v1/events/{type}</c>, one endpoint per event type of RULES.md, each with its own body contract (so
/// the OpenAPI document describes each). 202 means the event is durable in Temporal; a rejected request has started
/// or signalled nothing.
/// </summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/api/v1/events")
            .WithTags("Events")
            .RequireAuthorization(ApiRoles.SubmitEventsPolicy)
            .RequireRateLimiting(ApiRateLimits.EventsPolicy);

        foreach (var type in EventTypes.All)
        {
            Map(events, type);
        }

        return routes;
    }

    private static void Map(RouteGroupBuilder events, EventType type) =>
        events.MapPost(
                $"/{type.Name}",
                async (HttpContext http, JsonBodyReader reader, EventIngestion ingestion, TimeProvider clock, EngineMetrics metrics) =>
                {
                    var (result, refusal) = await SubmitAsync(type, http, reader, ingestion, clock).ConfigureAwait(false);
                    if (refusal is { } reason)
                    {
                        metrics.EventRefused(type.Name, reason);
                    }
                    else
                    {
                        metrics.EventAccepted(type.Name);
                    }

                    return result;
                })
            .WithName($"submit-{type.Name}")
            .WithMetadata(type) // the rate limiter's refusal counts the event by its type
            .WithSummary(type.Summary)
            .Accepts(type.BodyType, "application/json")
            .Produces<EventReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<(IResult Result, EventRefusal? Refusal)> SubmitAsync(
        EventType type, HttpContext http, JsonBodyReader reader, EventIngestion ingestion, TimeProvider clock)
    {
        var read = await reader.ReadAsync(type.BodyType, http.Request, http.RequestAborted).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return (read.Problem, RefusalOf(read.Problem));
        }

        var now = clock.GetUtcNow();
        var body = (EventBody)read.Body!;
        var checks = new EventChecks(read.Errors, NorwegianTime.DateOf(now));
        var fnr = checks.Fnr(body.Fnr);
        if (body.ToCaseEvent(checks, now) is not { } e || fnr is null)
        {
            return (Problems.Invalid(checks.Errors), EventRefusal.Invalid);
        }

        var submission = new EventSubmission(fnr, e);
        var outcome = await ingestion.SubmitAsync(submission, http.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            IngestionOutcome.Accepted => (Results.Accepted(value: EventReceipt.Accepted(type.Name, submission.Event.Id)), null),
            IngestionOutcome.IdUsedForAnotherPerson => (Problems.Conflict(
                "id", $"A {type.Name} event with this id was already accepted for another person; ids must be unique per type."),
                EventRefusal.IdConflict),
            IngestionOutcome.TemporalUnavailable => (Problems.Unavailable("Temporal"), EventRefusal.TemporalUnavailable),
            _ => (Problems.Unavailable("The database"), EventRefusal.DatabaseUnavailable),
        };
    }

    /// <summary>A body refused before it was read as an event: too large, not JSON, or not the contract's shape.</summary>
    private static EventRefusal RefusalOf(IResult problem) => (problem as IStatusCodeHttpResult)?.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => EventRefusal.TooLarge,
        StatusCodes.Status415UnsupportedMediaType => EventRefusal.UnsupportedMediaType,
        _ => EventRefusal.Invalid,
    };
}
