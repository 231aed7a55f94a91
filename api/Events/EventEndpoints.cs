using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Ingestion;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Time;
using Sykefravaer.Workflows;

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
            .RequireAuthorization(ApiRoles.SubmitEventsPolicy);

        Map<SykmeldingBody>(events, CaseSignals.Sykmelding, "A sykmelding received");
        Map<SykmeldingKorrigertBody>(events, CaseSignals.SykmeldingKorrigert, "A sykmelding corrected");
        Map<SykmeldingAvbruttBody>(events, CaseSignals.SykmeldingAvbrutt, "A sykmelding withdrawn");
        Map<FriskmeldingBody>(events, CaseSignals.Friskmelding, "Friskmelding");
        Map<OppfolgingsplanDeltBody>(events, CaseSignals.OppfolgingsplanDelt, "Oppfølgingsplan shared");
        Map<MotebehovBody>(events, CaseSignals.Motebehov, "Møtebehov");
        Map<DialogmoteBody>(events, CaseSignals.Dialogmote, "Dialogmøte held or exempted");
        Map<AktivitetskravVurderingBody>(events, CaseSignals.AktivitetskravVurdering, "Aktivitetskrav assessed");
        Map<ForhandsvarselSvarBody>(events, CaseSignals.ForhandsvarselSvar, "Reply to the forhåndsvarsel");
        Map<FriskmeldingTilArbeidsformidlingBody>(
            events, CaseSignals.FriskmeldingTilArbeidsformidling, "Friskmelding til arbeidsformidling");
        Map<DodsfallBody>(events, CaseSignals.Dodsfall, "Death");
        return routes;
    }

    private static void Map<TBody>(RouteGroupBuilder events, string type, string summary)
        where TBody : EventBody =>
        events.MapPost($"/{type}", (HttpContext http, JsonBodyReader reader, EventIngestion ingestion, TimeProvider clock) =>
                SubmitAsync<TBody>(type, http, reader, ingestion, clock))
            .WithName($"submit-{type}")
            .WithSummary(summary)
            .Accepts<TBody>("application/json")
            .Produces<EventReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> SubmitAsync<TBody>(
        string type, HttpContext http, JsonBodyReader reader, EventIngestion ingestion, TimeProvider clock)
        where TBody : EventBody
    {
        var read = await reader.ReadAsync<TBody>(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var now = clock.GetUtcNow();
        var checks = new DomainChecks(read.Errors, NorwegianTime.DateOf(now));
        if (read.Body!.Validate(checks, now) is not { } submission)
        {
            return Problems.Invalid(checks.Errors);
        }

        var outcome = await ingestion.SubmitAsync(submission, http.RequestAborted).ConfigureAwait(false);
        return outcome switch
        {
            IngestionOutcome.Accepted => Results.Accepted(value: EventReceipt.Accepted(type, submission.Event.Id)),
            IngestionOutcome.IdUsedForAnotherPerson => Problems.Conflict(
                "id", $"A {type} event with this id was already accepted for another person; ids must be unique per type."),
            IngestionOutcome.TemporalUnavailable => Problems.Unavailable("Temporal"),
            _ => Problems.Unavailable("The database"),
        };
    }
}
