using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Starting a run, and every way it can close.</summary>
internal sealed partial class WorkflowRun
{
    /// <summary>
    /// Writes the started event (and the signal of a signal-with-start, which real Temporal writes before the first
    /// workflow task) and schedules the first workflow task, after the start delay if there is one.
    /// </summary>
    public void Begin(InitialSignal? signal = null) => Change(() =>
    {
        History.Append(StartTime, e => e.WorkflowExecutionStartedEventAttributes = StartedAttributes());
        if (signal is not null)
        {
            History.Append(StartTime, e => e.WorkflowExecutionSignaledEventAttributes = new()
            {
                SignalName = signal.Name,
                Input = signal.Input,
                Identity = signal.Identity,
                Header = signal.Header,
            });
        }
        ArmRunTimeout();
        if (Start.FirstTaskDelay > TimeSpan.Zero)
        {
            lifecycle.DelayFirstTask(engine.Clock.ScheduleAfter(Start.FirstTaskDelay, this, () => Change(ScheduleWorkflowTask)));
        }
        else
        {
            ScheduleWorkflowTask();
        }
    });

    /// <summary>The run ends at its run timeout or the chain's execution timeout, whichever comes first.</summary>
    private void ArmRunTimeout()
    {
        var runDeadline = Start.RunTimeout > TimeSpan.Zero ? StartTime + Start.RunTimeout : (DateTime?)null;
        if (ExecutionExpiration is { } expiration && (runDeadline is null || expiration < runDeadline))
        {
            runDeadline = expiration;
        }
        if (runDeadline is { } deadline)
        {
            lifecycle.ArmRunTimeout(engine.Clock.Schedule(deadline, this, () => Change(TimeOut)));
        }
    }

    private WorkflowExecutionStartedEventAttributes StartedAttributes()
    {
        var attributes = new WorkflowExecutionStartedEventAttributes
        {
            WorkflowType = WorkflowType,
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = TaskQueue, Kind = TaskQueueKind.Normal },
            Input = Start.Input,
            WorkflowExecutionTimeout = ProtoDuration(Start.ExecutionTimeout),
            WorkflowRunTimeout = ProtoDuration(Start.RunTimeout),
            WorkflowTaskTimeout = Duration.FromTimeSpan(WorkflowTaskTimeout),
            ContinuedExecutionRunId = Start.ContinuedFromRunId ?? "",
            Initiator = Start.Initiator,
            ContinuedFailure = Start.ContinuedFailure,
            LastCompletionResult = Start.LastCompletionResult,
            OriginalExecutionRunId = RunId,
            Identity = Start.Identity,
            FirstExecutionRunId = FirstExecutionRunId,
            RetryPolicy = Start.RetryPolicy,
            Attempt = Start.Attempt,
            WorkflowExecutionExpirationTime = ExecutionExpiration is { } expiration ? ProtoTime(expiration) : null,
            FirstWorkflowTaskBackoff = ProtoDuration(Start.FirstTaskDelay),
            Memo = Memo.Fields.Count > 0 ? Memo.Clone() : null,
            SearchAttributes = SearchAttributes.IndexedFields.Count > 0 ? SearchAttributes.Clone() : null,
            Header = Start.Header,
            WorkflowId = WorkflowId,
            Priority = Start.Priority,
        };
        return attributes;
    }

    public void Signal(string signalName, Payloads? input, string identity, string requestId, Header? header) => Change(() =>
    {
        EnsureOpen();
        if (!lifecycle.TryAcceptSignal(requestId))
        {
            return; // A retried request that was already applied.
        }
        RecordInput(InputKind.Signal, "", new HistoryEvent
        {
            WorkflowExecutionSignaledEventAttributes = new()
            {
                SignalName = signalName,
                Input = input,
                Identity = identity,
                Header = header,
            },
        });
    });

    public void RequestCancel(string identity, string reason) => Change(() =>
    {
        EnsureOpen();
        if (!lifecycle.TryRequestCancel())
        {
            return; // Temporal accepts repeated cancel requests and records only the first.
        }
        RecordInput(InputKind.CancelRequested, "", new HistoryEvent
        {
            WorkflowExecutionCancelRequestedEventAttributes = new() { Cause = reason, Identity = identity },
        });
    });

    public void Terminate(string reason, Payloads? details, string identity) => Change(() =>
    {
        EnsureOpen();
        AbandonWorkflowTask(WorkflowTaskFailedCause.ForceCloseCommand);
        FlushBufferedInputs();
        var closeEvent = History.Append(Now, e => e.WorkflowExecutionTerminatedEventAttributes = new()
        {
            Reason = reason,
            Details = details,
            Identity = identity,
        });
        Close(WorkflowExecutionStatus.Terminated, closeEvent);
    });

    private void TimeOut()
    {
        if (!IsOpen)
        {
            return;
        }
        AbandonWorkflowTask(WorkflowTaskFailedCause.ForceCloseCommand);
        FlushBufferedInputs();
        var closeEvent = History.Append(Now, e => e.WorkflowExecutionTimedOutEventAttributes = new()
        {
            RetryState = RetryState.Timeout,
        });
        Close(WorkflowExecutionStatus.TimedOut, closeEvent);
    }

    /// <summary>Marks the run closed and releases everything it held: alarms, dispatched work, waiters.</summary>
    private void Close(WorkflowExecutionStatus status, HistoryEvent closeEvent)
    {
        Status = status;
        CloseTime = closeEvent.EventTime.ToDateTime();
        lifecycle.Closed(closeEvent.EventId);
        workflowTasks.Current?.Timeout?.Cancel();
        workflowTasks.Drop();
        buffered.Clear();
        timers.CancelAll();
        activities.DropAll();
        updates.AbortPending("workflow execution already completed");
        DispatchWaitingQueriesAsQueryTasks();
    }

    /// <summary>The event that closed the run, if it is closed.</summary>
    private HistoryEvent? CloseEvent => lifecycle.CloseEventId > 0 ? History[lifecycle.CloseEventId] : null;

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "workflow execution already completed"));
        }
    }
}
