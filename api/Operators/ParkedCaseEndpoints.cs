using System.Security.Claims;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Ingestion;
using Sykefravaer.Api.Validation;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Persistence.Reads;
using Sykefravaer.Workflows;

using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Operators;

/// <summary>
/// For the platform team's operators: a case parked on a write that failed for good (its reads show needsAttention
/// ACTIVITY_FAILED) is resumed by retrying the write, once what made it fail is mended, or by skipping it. The answer
/// goes to the case's workflow, which records it in the audit trail with who gave it and why.
/// </summary>
public static class ParkedCaseEndpoints
{
    private const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapParkedCaseEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/cases/{caseId:guid}/resume", ResumeAsync)
            .WithTags("Operations")
            .RequireAuthorization(ApiRoles.OperatorPolicy)
            .WithName("resume-parked-case")
            .WithSummary("Retry or skip the write a parked case waits on (action RETRY or SKIP, with a reason)")
            .Accepts<ResumeBody>("application/json")
            .Produces<ResumeReceipt>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ResumeAsync(
        Guid caseId, HttpContext http, ClaimsPrincipal user, JsonBodyReader bodyReader, CaseProjectionReader reader,
        CaseAttention attention, CaseWorkflowSignaller signaller)
    {
        var read = await bodyReader.ReadAsync<ResumeBody>(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        // A field that failed its type check is already named in the errors, and may be null here.
        var (body, errors) = (read.Body!, read.Errors);
        var action = errors.Has("action") ? null : ActionOf(body.Action, errors);
        if (!errors.Has("reason") && ReasonProblem(body.Reason) is { } problem)
        {
            errors.Add("reason", problem);
        }

        if (action is null || !errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var projection = await reader.GetAsync(caseId, http.RequestAborted).ConfigureAwait(false);
        if (projection is null)
        {
            return Problems.NotFound("case");
        }

        var marks = await attention.ReasonsAsync([caseId], http.RequestAborted).ConfigureAwait(false);
        if (marks.GetValueOrDefault(caseId) != ParkCaseCommand.Reason)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The case is not parked",
                detail: "Only a case whose reads show needsAttention ACTIVITY_FAILED waits for a resume. Nothing was signalled.");
        }

        var answer = new CaseResume($"resume-{Guid.NewGuid():N}", action.Value, Caller.IdentOf(user), body.Reason);
        try
        {
            await signaller.ResumeAsync(projection.PersonRef, answer, http.RequestAborted).ConfigureAwait(false);
        }
        catch (TemporalUnavailableException)
        {
            return Problems.Unavailable("Temporal");
        }

        return Results.Accepted(value: new ResumeReceipt(answer.Id, caseId, answer.Action.ToString().ToUpperInvariant()));
    }

    private static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? $"is required (the audit trail records why), at most {MaxReasonLength} characters"
            : TextRules.FreeTextProblem(reason);

    private static ResumeAction? ActionOf(string? value, ValidationErrors errors)
    {
        switch (value)
        {
            case "RETRY":
                return ResumeAction.Retry;
            case "SKIP":
                return ResumeAction.Skip;
            default:
                errors.Add("action", "must be RETRY or SKIP");
                return null;
        }
    }
}

/// <summary>An operator's answer to a parked case.</summary>
public sealed record ResumeBody
{
    /// <summary>RETRY (run the write again) or SKIP (go on without it).</summary>
    public required string Action { get; init; }

    /// <summary>Why, for the audit trail; at most 1,000 characters.</summary>
    public required string Reason { get; init; }
}

/// <summary>The answer was given to the case's workflow; its audit record is keyed by <see cref="ResumeId"/>.</summary>
public sealed record ResumeReceipt(string ResumeId, Guid CaseId, string Action);
