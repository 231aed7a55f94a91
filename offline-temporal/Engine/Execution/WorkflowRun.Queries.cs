using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Query.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine.Matching;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Queries. A query must see every event already in history, so one that arrives while a workflow task is pending
/// rides along with that task (or, if a worker already holds it, with the next one); only when no task is pending is
/// it sent on its own as a query task.
/// </summary>
internal sealed partial class WorkflowRun
{
    public PendingQuery SubmitQuery(WorkflowQuery query) => Change(() =>
    {
        var pending = new PendingQuery(query);
        if (IsOpen && workflowTasks.Current is { IsStarted: false } slot)
        {
            slot.Queries.Add(pending);
        }
        else if (IsOpen && workflowTasks.InFlight)
        {
            queries.AwaitNextTask(pending);
        }
        else
        {
            DispatchQueryTask(pending);
        }
        return pending;
    });

    /// <summary>Forgets a query whose client gave up waiting.</summary>
    public void WithdrawQuery(PendingQuery query) => Change(() =>
    {
        queries.Withdraw(query);
        workflowTasks.Current?.Queries.Remove(query);
        query.StickyTimeout?.Cancel();
    });

    private void DispatchWaitingQueriesAsQueryTasks()
    {
        foreach (var query in queries.TakeAwaitingTask())
        {
            DispatchQueryTask(query);
        }
    }

    private void DispatchQueryTask(PendingQuery query)
    {
        queries.AddQueryTask(query);
        // A closed run has no worker caching it; otherwise the sticky worker can answer without replaying.
        var sticky = workflowTasks.Sticky;
        var useSticky = IsOpen && sticky is not null && !engine.Matcher.IsStickyQueueClosed(Namespace, sticky.WorkerTaskQueue.Name);
        if (!useSticky)
        {
            engine.Matcher.WorkflowQueue(Namespace, TaskQueue).Add(new QueryTaskTicket(this, query));
            return;
        }
        // A sticky worker that died without saying so never polls again. Temporal waits for it only as long as the
        // sticky schedule-to-start timeout, then clears stickiness and asks the run's own queue instead.
        query.OnStickyQueue = true;
        var scheduleToStart = sticky!.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(5);
        query.StickyTimeout = engine.Clock.ScheduleAfter(scheduleToStart, this, () => Change(() => StickyQueryNotPickedUp(query)));
        engine.Matcher.WorkflowQueue(Namespace, sticky.WorkerTaskQueue.Name).Add(new QueryTaskTicket(this, query));
    }

    private void StickyQueryNotPickedUp(PendingQuery query)
    {
        if (!query.OnStickyQueue || query.Started || !queries.IsQueryTask(query))
        {
            return;
        }
        workflowTasks.ForgetSticky();
        MoveQueryTaskToOwnQueue(query);
    }

    /// <summary>Sends a query task waiting on a sticky queue to the run's own queue; its sticky ticket goes stale.</summary>
    private void MoveQueryTaskToOwnQueue(PendingQuery query)
    {
        query.OnStickyQueue = false;
        query.StickyTimeout?.Cancel();
        engine.Matcher.WorkflowQueue(Namespace, TaskQueue).Add(new QueryTaskTicket(this, query));
    }

    public PollWorkflowTaskQueueResponse? TryStartQueryTask(QueryTaskTicket ticket, bool fromStickyQueue) => Change(() =>
    {
        if (queries.FindQueryTask(ticket.Query.Id) is not { } query || query.Started || (fromStickyQueue && !query.OnStickyQueue))
        {
            return null;
        }
        query.Started = true;
        query.StickyTimeout?.Cancel();
        var lastCompletedStartedEventId = workflowTasks.LastCompletedStartedEventId;
        var firstEventId = fromStickyQueue ? lastCompletedStartedEventId + 1 : 1;
        var response = new PollWorkflowTaskQueueResponse
        {
            TaskToken = TaskToken.ForQueryTask(RunId, query.Id),
            WorkflowExecution = Execution,
            WorkflowType = WorkflowType,
            PreviousStartedEventId = lastCompletedStartedEventId,
            StartedEventId = lastCompletedStartedEventId,
            Attempt = 1,
            History = new Temporalio.Api.History.V1.History(),
            Query = query.Query,
            WorkflowExecutionTaskQueue = new TaskQueue { Name = TaskQueue, Kind = TaskQueueKind.Normal },
            ScheduledTime = ProtoTime(Now),
            StartedTime = ProtoTime(Now),
        };
        response.History.Events.AddRange(History.Range(firstEventId, History.LastEventId));
        return response;
    });

    public void AnswerQueryTask(TaskToken token, RespondQueryTaskCompletedRequest request) => Change(() =>
    {
        if (!queries.TryRemoveQueryTask(token.QueryId, out var query))
        {
            throw new RpcException(new Status(StatusCode.NotFound, "Query task not found."));
        }
        query.Answered(new WorkflowQueryResult
        {
            ResultType = request.CompletedType,
            Answer = request.QueryResult,
            ErrorMessage = request.ErrorMessage,
            Failure = request.Failure,
        });
    });

    private static void AnswerRideAlongQueries(WorkflowTaskSlot slot, IDictionary<string, WorkflowQueryResult> results)
    {
        foreach (var query in slot.Queries)
        {
            query.Answered(results.TryGetValue(query.Id, out var result)
                ? result
                : new WorkflowQueryResult { ResultType = QueryResultType.Failed, ErrorMessage = "The worker did not answer the query." });
        }
        slot.Queries.Clear();
    }
}
