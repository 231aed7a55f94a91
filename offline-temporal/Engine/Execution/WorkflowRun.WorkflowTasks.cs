using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.Protocol.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Sykefravaer.OfflineTemporal.Engine.Matching;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Scheduling, starting, failing and timing out workflow tasks, and choosing between the run's task queue (full
/// history) and the sticky queue of the worker that has the run cached (only the events it has not seen).
/// </summary>
internal sealed partial class WorkflowRun
{
    private void ScheduleWorkflowTask()
    {
        if (workflowTasks.Current is not null || !IsOpen || lifecycle.DelayingFirstTask)
        {
            return;
        }
        var sticky = workflowTasks.Sticky;
        var useSticky = sticky is not null && !engine.Matcher.IsStickyQueueClosed(Namespace, sticky.WorkerTaskQueue.Name);
        var queueName = useSticky ? sticky!.WorkerTaskQueue.Name : TaskQueue;
        var scheduled = History.Append(Now, e => e.WorkflowTaskScheduledEventAttributes = new()
        {
            TaskQueue = useSticky
                ? new TaskQueue { Name = queueName, Kind = TaskQueueKind.Sticky, NormalName = TaskQueue }
                : new TaskQueue { Name = queueName, Kind = TaskQueueKind.Normal },
            StartToCloseTimeout = Duration.FromTimeSpan(WorkflowTaskTimeout),
            Attempt = workflowTasks.NextAttempt,
        });
        var slot = workflowTasks.Schedule(scheduled.EventId, queueName, useSticky, Now);
        if (useSticky)
        {
            var scheduleToStart = sticky!.ScheduleToStartTimeout?.ToTimeSpan() ?? TimeSpan.FromSeconds(5);
            slot.Timeout = engine.Clock.ScheduleAfter(scheduleToStart, this, () => Change(() => StickyWorkerUnavailable(slot)));
        }
        engine.Matcher.WorkflowQueue(Namespace, queueName).Add(new WorkflowTaskTicket(this, scheduled.EventId));
    }

    /// <summary>
    /// The sticky worker did not pick the task up in time (or shut down): time the task out and schedule it again on
    /// the run's own queue, with the full history, as Temporal does.
    /// </summary>
    private void StickyWorkerUnavailable(WorkflowTaskSlot slot)
    {
        if (workflowTasks.Current != slot || slot.IsStarted)
        {
            return;
        }
        History.Append(Now, e => e.WorkflowTaskTimedOutEventAttributes = new()
        {
            ScheduledEventId = slot.ScheduledEventId,
            TimeoutType = TimeoutType.ScheduleToStart,
        });
        workflowTasks.ForgetSticky();
        workflowTasks.Drop();
        ReturnTaskPassengers(slot);
        ScheduleWorkflowTask();
    }

    /// <summary>Called for tickets left on a sticky queue whose worker shut down.</summary>
    public void RedirectFromClosedStickyQueue(WorkflowQueueTicket ticket) => Change(() =>
    {
        switch (ticket)
        {
            case WorkflowTaskTicket task when workflowTasks.Current is { IsStarted: false } slot && slot.ScheduledEventId == task.ScheduledEventId:
                slot.Timeout?.Cancel();
                StickyWorkerUnavailable(slot);
                break;
            case QueryTaskTicket query when query.Query.OnStickyQueue:
                workflowTasks.ForgetSticky();
                MoveQueryTaskToOwnQueue(query.Query);
                break;
        }
    });

    /// <summary>
    /// Hands the workflow task behind <paramref name="ticket"/> to the polling worker, or returns null if the ticket
    /// went stale. Writes the started event and attaches waiting queries and update requests.
    /// </summary>
    public PollWorkflowTaskQueueResponse? TryStartWorkflowTask(WorkflowTaskTicket ticket, PollWorkflowTaskQueueRequest poll) => Change(() =>
    {
        if (workflowTasks.Current is not { IsStarted: false } slot || slot.ScheduledEventId != ticket.ScheduledEventId)
        {
            return null;
        }
        slot.Timeout?.Cancel();
        var sizeBytes = History.SizeBytes;
        var suggest = engine.HistoryLimits.ReasonsAt(History.NextEventId, sizeBytes);
        var started = History.Append(Now, e =>
        {
            e.WorkflowTaskStartedEventAttributes = new()
            {
                ScheduledEventId = slot.ScheduledEventId,
                Identity = poll.Identity,
                RequestId = Guid.NewGuid().ToString(),
                HistorySizeBytes = sizeBytes,
                SuggestContinueAsNew = suggest.Count > 0,
            };
            e.WorkflowTaskStartedEventAttributes.SuggestContinueAsNewReasons.AddRange(suggest);
        });
        slot.StartedEventId = started.EventId;
        slot.StartedTime = Now;
        slot.Timeout = engine.Clock.ScheduleAfter(WorkflowTaskTimeout, this, () => Change(() => TimeOutWorkflowTask(slot)));
        slot.Queries.AddRange(queries.TakeAwaitingTask());
        slot.Updates.AddRange(updates.TakeUndelivered());

        // A sticky worker has this run cached up to the last task it completed and needs only what came after;
        // any other worker replays from the first event.
        var firstEventId = slot.OnStickyQueue ? workflowTasks.LastCompletedStartedEventId + 1 : 1;
        var response = new PollWorkflowTaskQueueResponse
        {
            TaskToken = TaskToken.ForWorkflowTask(RunId, slot.ScheduledEventId),
            WorkflowExecution = Execution,
            WorkflowType = WorkflowType,
            PreviousStartedEventId = workflowTasks.LastCompletedStartedEventId,
            StartedEventId = slot.StartedEventId,
            Attempt = slot.Attempt,
            History = new Temporalio.Api.History.V1.History(),
            WorkflowExecutionTaskQueue = new TaskQueue { Name = TaskQueue, Kind = TaskQueueKind.Normal },
            ScheduledTime = ProtoTime(slot.ScheduledTime),
            StartedTime = ProtoTime(slot.StartedTime),
        };
        response.History.Events.AddRange(History.Range(firstEventId, slot.StartedEventId));
        foreach (var query in slot.Queries)
        {
            response.Queries[query.Id] = query.Query;
        }
        foreach (var update in slot.Updates)
        {
            response.Messages.Add(new Message
            {
                Id = update.RequestMessageId,
                ProtocolInstanceId = update.Id,
                // Temporal asks SDKs to apply update requests after the events before the started event.
                EventId = slot.StartedEventId - 1,
                Body = Any.Pack(update.Request),
            });
        }
        return response;
    });

    /// <summary>Finds the started workflow task a worker's token refers to, or refuses the call as Temporal does.</summary>
    private WorkflowTaskSlot StartedTaskFor(TaskToken token)
    {
        if (!IsOpen)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "Workflow execution already completed."));
        }
        if (workflowTasks.Current is not { IsStarted: true } slot || slot.ScheduledEventId != token.Id)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "Workflow task not found."));
        }
        return slot;
    }

    public void FailWorkflowTask(TaskToken token, RespondWorkflowTaskFailedRequest request) => Change(() =>
    {
        var slot = StartedTaskFor(token);
        FailStartedWorkflowTask(slot, request.Cause, request.Failure, request.Identity);
    });

    private void FailStartedWorkflowTask(
        WorkflowTaskSlot slot, WorkflowTaskFailedCause cause, Temporalio.Api.Failure.V1.Failure? failure, string identity)
    {
        slot.Timeout?.Cancel();
        History.Append(Now, e => e.WorkflowTaskFailedEventAttributes = new()
        {
            ScheduledEventId = slot.ScheduledEventId,
            StartedEventId = slot.StartedEventId,
            Cause = cause,
            Failure = failure,
            Identity = identity,
        });
        // A refusal for new events is not the worker's fault, so Temporal does not count it as a failed attempt.
        RetryWorkflowTaskAfterFailure(slot, countAttempt: cause != WorkflowTaskFailedCause.UnhandledCommand);
    }

    private void TimeOutWorkflowTask(WorkflowTaskSlot slot)
    {
        if (workflowTasks.Current != slot || !slot.IsStarted)
        {
            return;
        }
        History.Append(Now, e => e.WorkflowTaskTimedOutEventAttributes = new()
        {
            ScheduledEventId = slot.ScheduledEventId,
            StartedEventId = slot.StartedEventId,
            TimeoutType = TimeoutType.StartToClose,
        });
        RetryWorkflowTaskAfterFailure(slot, countAttempt: true);
    }

    /// <summary>
    /// After a failed or timed-out task the worker's cached state cannot be trusted: drop stickiness so the next
    /// attempt replays the full history, deliver what was buffered, and try again.
    /// </summary>
    private void RetryWorkflowTaskAfterFailure(WorkflowTaskSlot slot, bool countAttempt)
    {
        workflowTasks.Failed(slot, countAttempt);
        ReturnTaskPassengers(slot);
        FlushBufferedInputs();
        ScheduleWorkflowTask();
    }

    /// <summary>Puts queries and update requests that rode on a lost task back in line for the next one.</summary>
    private void ReturnTaskPassengers(WorkflowTaskSlot slot)
    {
        queries.ReturnToFront(slot.Queries);
        slot.Queries.Clear();
        updates.OfferAgain(slot.Updates);
        slot.Updates.Clear();
    }

    /// <summary>Ends a workflow task held by a worker when the run is closed from outside (terminate, timeout).</summary>
    private void AbandonWorkflowTask(WorkflowTaskFailedCause cause)
    {
        if (workflowTasks.Current is { } slot)
        {
            slot.Timeout?.Cancel();
            if (slot.IsStarted)
            {
                History.Append(Now, e => e.WorkflowTaskFailedEventAttributes = new()
                {
                    ScheduledEventId = slot.ScheduledEventId,
                    StartedEventId = slot.StartedEventId,
                    Cause = cause,
                });
            }
            ReturnTaskPassengers(slot);
            workflowTasks.Drop();
        }
    }

    /// <summary>ResetStickyTaskQueue: the next task goes to the run's own queue, with full history.</summary>
    public void ResetSticky() => Change(workflowTasks.ForgetSticky);
}
