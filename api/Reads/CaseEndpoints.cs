using Sykefravaer.Api.Access;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.RateLimiting;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Privacy;
using Sykefravaer.Domain.Time;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Persistence.Reads;

using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Reads;

/// <summary>
/// Case reads for veiledere, from the PostgreSQL projection (so they work when no worker runs): by case id, or by
/// fødselsnummer in a POST body. By fnr the pseudonym is computed, not looked up: the fnr is stored nowhere. Each
/// read goes through the <see cref="PersonReadGate"/>: the caller's access to the person is checked and the read
/// recorded before anything is answered.
/// </summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/api/v1/cases")
            .WithTags("Cases")
            .RequireAuthorization(ApiRoles.VeilederPolicy);

        cases.MapGet("/{caseId:guid}", GetAsync)
            .WithName("get-case")
            .WithSummary("A case's state, milestones and timeline of notices and tasks")
            .Produces<CaseView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        cases.MapPost("/search", SearchAsync)
            .WithName("search-cases")
            .WithSummary("A person's cases, oldest first, found by fødselsnummer (in the body, never in the URL)")
            .Accepts<CaseSearchBody>("application/json")
            .Produces<CaseSearchResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ApiRateLimits.SearchPolicy);
        return routes;
    }

    private static async Task<IResult> GetAsync(
        Guid caseId, HttpContext http, PersonReadGate gate, CaseProjectionReader reader, CaseAttention attention, CancellationToken cancellationToken)
    {
        var projection = await reader.GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (projection is null)
        {
            return Problems.NotFound("case");
        }

        if (await gate.RefusalAsync(http, projection.PersonRef).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var marks = await attention.ReasonsAsync([caseId], cancellationToken).ConfigureAwait(false);
        return Results.Ok(CaseView.From(projection, marks));
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, JsonBodyReader bodyReader, PersonPseudonym pseudonym, PersonReadGate gate, CaseProjectionReader reader,
        CaseAttention attention, TimeProvider clock)
    {
        var read = await bodyReader.ReadAsync<CaseSearchBody>(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var checks = new EventChecks(read.Errors, NorwegianTime.DateOf(clock.GetUtcNow()));
        if (checks.Fnr(read.Body!.Fnr) is not { } fnr)
        {
            return Problems.Invalid(checks.Errors);
        }

        var person = pseudonym.Of(fnr);
        if (await gate.RefusalAsync(http, person).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var projections = await reader.FindByPersonAsync(person, http.RequestAborted).ConfigureAwait(false);
        var marks = await attention.ReasonsAsync([.. projections.Select(p => p.CaseId)], http.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new CaseSearchResult(projections.Select(p => CaseView.From(p, marks)).ToList()));
    }
}
