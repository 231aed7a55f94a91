using System.Security.Claims;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Time;

using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Reads;

/// <summary>The veileder work list: open tasks (filtered by code and due date, paged), one task, and marking a
/// task done (idempotent: done twice is done once).</summary>
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
            .AddOpenApiOperationTransformer(WorkListParameters.DescribeAsync);

        tasks.MapGet("/{id:long}", GetAsync)
            .WithName("get-task")
            .Produces<TaskView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/{id:long}/done", MarkDoneAsync)
            .WithName("mark-task-done")
            .WithSummary("Mark a task done; again on a done task changes nothing and answers the same")
            .Produces<TaskView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> ListAsync(
        string? code, string? dueFrom, string? dueTo, string? page, string? pageSize,
        WorkList workList, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (WorkListQuery.Validate(code, dueFrom, dueTo, page, pageSize, errors) is not { } query)
        {
            return Problems.Invalid(errors);
        }

        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        return Results.Ok(await workList.OpenTasksAsync(query, today, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> GetAsync(long id, WorkList workList, CancellationToken cancellationToken) =>
        await workList.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } task ? Results.Ok(task) : Problems.NotFound("task");

    private static async Task<IResult> MarkDoneAsync(
        long id, ClaimsPrincipal user, WorkList workList, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        var task = await workList.MarkDoneAsync(id, Caller.IdentOf(user), today, cancellationToken).ConfigureAwait(false);
        return task is null ? Problems.NotFound("task") : Results.Ok(task);
    }
}
