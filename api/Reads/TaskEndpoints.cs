using System.Security.Claims;
using Sykefravaer.Api.Access;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Time;

using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Reads;

/// <summary>The veileder work list: open tasks (filtered by code and due date, paged), one task, and marking a
/// task done (idempotent: done twice is done once). Only tasks of people the caller may see, each read recorded
/// (<see cref="PersonReadGate"/>).</summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder routes)
    {
        var tasks = routes.MapGroup("/api/v1/tasks")
            .WithTags("Work list")
            .RequireAuthorization(ApiRoles.VeilederPolicy);

        tasks.MapGet("/", ListAsync)
            .WithName("list-open-tasks")
            .WithSummary("Open, visible tasks ordered by due date; filter by code and due date; paged")
            .Produces<TaskPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(WorkListParameters.DescribeAsync);

        tasks.MapGet("/{id:long}", GetAsync)
            .WithName("get-task")
            .Produces<TaskView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        tasks.MapPost("/{id:long}/done", MarkDoneAsync)
            .WithName("mark-task-done")
            .WithSummary("Mark a task done; again on a done task changes nothing and answers the same. A KARTLEGGING_SVAR task takes the veileder's vurdering")
            .Accepts<TaskDoneBody>("application/json")
            .Produces<TaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        string? code, string? dueFrom, string? dueTo, string? page, string? pageSize, string? orgnr,
        HttpContext http, PersonReadGate gate, WorkList workList, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (WorkListQuery.Validate(code, dueFrom, dueTo, page, pageSize, errors, orgnr: orgnr) is not { } query)
        {
            return Problems.Invalid(errors);
        }

        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        var tasks = await workList.OpenTasksAsync(query, today, people => gate.VisibleAsync(http, people), cancellationToken).ConfigureAwait(false);
        await gate.RecordShownAsync(http, tasks.Items.Select(task => task.PersonRef)).ConfigureAwait(false);
        return Results.Ok(tasks);
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, PersonReadGate gate, WorkList workList, CancellationToken cancellationToken)
    {
        if (await workList.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } task)
        {
            return Problems.NotFound("task");
        }

        return await gate.RefusalAsync(http, task.PersonRef).ConfigureAwait(false) ?? Results.Ok(task);
    }

    private static async Task<IResult> MarkDoneAsync(
        long id, HttpContext http, ClaimsPrincipal user, PersonReadGate gate, WorkList workList, JsonBodyReader reader, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await workList.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Problems.NotFound("task");
        }

        if (await gate.RefusalAsync(http, found.PersonRef).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        // The body is read as every request body is (its size, its media type, no field it does not define).
        var errors = new ValidationErrors();
        string? vurdering = null;
        if (TaskDoneBody.IsSent(http.Request))
        {
            var read = await reader.ReadAsync<TaskDoneBody>(http.Request, cancellationToken).ConfigureAwait(false);
            if (read.Problem is { } problemAnswer)
            {
                return problemAnswer;
            }

            errors = read.Errors;
            vurdering = read.Body?.Vurdering;
        }

        if (errors.IsEmpty && found.Status == "OPEN" && TaskVurderinger.Problem(found.Code, vurdering) is { } problem)
        {
            errors.Add("vurdering", problem);
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        var task = await workList.MarkDoneAsync(id, Caller.IdentOf(user), today, vurdering, cancellationToken).ConfigureAwait(false);
        return task is null ? Problems.NotFound("task") : Results.Ok(task);
    }
}
