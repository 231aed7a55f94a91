using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Sykefravaer.OfflineTemporal.Engine.History;
using Sykefravaer.OfflineTemporal.Engine.Persistence;
using Sykefravaer.OfflineTemporal.Engine.Visibility;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// Keeping a run across restarts, as Temporal does: its history is the truth, and its mutable state (status,
/// timers, the workflow task, pending activities, search attributes, memo) is derived from that history when the run
/// is restored; only what history cannot say is kept beside it (<see cref="DurableRunState"/>).
/// </summary>
internal sealed partial class WorkflowRun
{
    /// <summary>What changed since the last write, or null. Call under the lock.</summary>
    internal RunChanges? UnsavedChanges()
    {
        if (!IsOpen && saved.HasEventsUpTo(History.LastEventId))
        {
            return null; // Closed and written: nothing about it can change any more.
        }
        var state = CaptureDurableState().Encode();
        var stateChanged = saved.StateDiffers(state);
        if (!stateChanged && saved.HasEventsUpTo(History.LastEventId))
        {
            return null;
        }
        return new RunChanges(
            Namespace, WorkflowId, RunId, Start.RequestId, IsNew: !saved.IsSaved,
            History.Range(saved.EventCount + 1, History.LastEventId).ToList(),
            stateChanged || !saved.IsSaved ? state : null);
    }

    /// <summary>Records that <paramref name="changes"/> are on disk. Call under the lock.</summary>
    internal void MarkSaved(RunChanges changes) => saved.Saved(changes.NewEvents.Count, changes.State);

    private DurableRunState CaptureDurableState() => !IsOpen
        ? DurableRunState.Empty with { UserMetadata = DurableRunState.ProtoBytes(Start.UserMetadata) }
        : new DurableRunState
        {
            SignalRequestIds = lifecycle.SignalRequestIds.Order(StringComparer.Ordinal).ToList(),
            Buffered = buffered.Inputs.Select(StoredInput.From).ToList(),
            Activities = activities.InScheduleOrder.Select(StoredActivity.From).ToList(),
            UserMetadata = DurableRunState.ProtoBytes(Start.UserMetadata),
        };

    /// <summary>
    /// Rebuilds a run from what the store holds. Nothing is armed or queued yet: <see cref="ResumeAfterRestore"/>
    /// does that once every run is back, so that continue-as-new chains are whole before any of them acts.
    /// </summary>
    public static WorkflowRun Restore(TemporalEngine engine, WorkflowChain chain, StoredRun stored)
    {
        var started = stored.Events.Count > 0 && stored.Events[0].WorkflowExecutionStartedEventAttributes is { } attributes
            ? attributes
            : throw new InvalidDataException($"run {stored.RunId} of {stored.WorkflowId} has no started event");
        var start = StartParameters.FromStartedEvent(stored.Namespace, stored.RequestId, started, stored.State.DecodeUserMetadata());
        var run = new WorkflowRun(engine, chain, start, stored.RunId, stored.Events[0].EventTime.ToDateTime());
        foreach (var historyEvent in stored.Events)
        {
            run.History.Append(historyEvent.EventTime.ToDateTime(), e => e.MergeFrom(historyEvent));
        }
        run.DeriveStateFromHistory(stored.State);
        run.saved.Restored(stored.Events.Count, run.CaptureDurableState().Encode());
        return run;
    }

    private void DeriveStateFromHistory(DurableRunState state)
    {
        foreach (var input in state.Buffered)
        {
            buffered.Add(input.ToInput());
        }
        foreach (var requestId in state.SignalRequestIds)
        {
            lifecycle.RestoreSignalRequestId(requestId);
        }
        var timersStarted = new Dictionary<string, RestoredTimer>(StringComparer.Ordinal);
        var activitiesScheduled = new Dictionary<long, (ActivityTaskScheduledEventAttributes Attributes, DateTime Time)>();
        foreach (var e in History.Range(1, History.LastEventId))
        {
            var time = e.EventTime.ToDateTime();
            switch (e.AttributesCase)
            {
                case HistoryEvent.AttributesOneofCase.WorkflowTaskScheduledEventAttributes:
                    workflowTasks.RestoreScheduled(e.EventId, e.WorkflowTaskScheduledEventAttributes.Attempt, TaskQueue, time);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowTaskStartedEventAttributes:
                    workflowTasks.RestoreStarted(e.EventId, time);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowTaskCompletedEventAttributes:
                    workflowTasks.RestoreCompleted(e.WorkflowTaskCompletedEventAttributes.StartedEventId);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowTaskFailedEventAttributes:
                case HistoryEvent.AttributesOneofCase.WorkflowTaskTimedOutEventAttributes:
                    workflowTasks.Drop();
                    break;
                case HistoryEvent.AttributesOneofCase.TimerStartedEventAttributes:
                    var timer = e.TimerStartedEventAttributes;
                    timersStarted[timer.TimerId] = new RestoredTimer(timer.TimerId, e.EventId, time + timer.StartToFireTimeout.ToTimeSpan());
                    break;
                case HistoryEvent.AttributesOneofCase.TimerFiredEventAttributes:
                    timersStarted.Remove(e.TimerFiredEventAttributes.TimerId);
                    break;
                case HistoryEvent.AttributesOneofCase.TimerCanceledEventAttributes:
                    timersStarted.Remove(e.TimerCanceledEventAttributes.TimerId);
                    break;
                case HistoryEvent.AttributesOneofCase.ActivityTaskScheduledEventAttributes:
                    activitiesScheduled[e.EventId] = (e.ActivityTaskScheduledEventAttributes, time);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowExecutionCancelRequestedEventAttributes:
                    lifecycle.RestoreCancelRequested();
                    break;
                case HistoryEvent.AttributesOneofCase.UpsertWorkflowSearchAttributesEventAttributes:
                    SearchAttributeValues.Merge(SearchAttributes.IndexedFields, e.UpsertWorkflowSearchAttributesEventAttributes.SearchAttributes.IndexedFields);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowPropertiesModifiedEventAttributes:
                    SearchAttributeValues.Merge(Memo.Fields, e.WorkflowPropertiesModifiedEventAttributes.UpsertedMemo.Fields);
                    break;
                case HistoryEvent.AttributesOneofCase.WorkflowExecutionUpdateAcceptedEventAttributes:
                    updates.RestoreAccepted(e.WorkflowExecutionUpdateAcceptedEventAttributes.ProtocolInstanceId, e.EventId);
                    break;
                default:
                    if (ActivityOutcomes.ScheduledEventIdOf(e) is { } resolved)
                    {
                        activitiesScheduled.Remove(resolved);
                    }
                    else if (CloseStatusOf(e) is { } status)
                    {
                        Status = status;
                        CloseTime = time;
                        lifecycle.RestoreClosed(e.EventId);
                        NextRunId = NextRunIdOf(e);
                    }
                    break;
            }
        }
        if (!IsOpen)
        {
            workflowTasks.Drop();
            buffered.Clear();
            return;
        }
        if (buffered.Contains(InputKind.CancelRequested, ""))
        {
            lifecycle.RestoreCancelRequested();
        }
        foreach (var timer in timersStarted.Values.Where(timer => !buffered.Contains(InputKind.TimerFired, timer.TimerId)))
        {
            timers.AddRestored(timer);
        }
        var attempts = state.Activities.ToDictionary(a => a.ScheduledEventId);
        foreach (var (scheduledEventId, (attributes, time)) in activitiesScheduled)
        {
            if (buffered.Contains(InputKind.ActivityResolved, scheduledEventId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }
            var activity = new ActivityState(scheduledEventId, attributes, time);
            if (attempts.TryGetValue(scheduledEventId, out var stored))
            {
                stored.CopyTo(activity);
                activity.Phase = stored.Phase;
            }
            else
            {
                // Scheduled and written in the same change as its scheduling task; never yet handed out.
                activity.Phase = ActivityPhase.New;
            }
            activities.Add(activity);
        }
    }

    /// <summary>
    /// Arms the alarms and queues the tasks of a restored open run. Alarms that came due while the server was down
    /// fire at once. A workflow task started before the restart gets a whole start-to-close timeout from now, so a
    /// worker that outlived the server can still complete it; activities that were backing off are retried now.
    /// </summary>
    public void ResumeAfterRestore() => Change(() =>
    {
        if (!IsOpen)
        {
            return;
        }
        ArmRunTimeout();
        if (workflowTasks.Current is null && Start.FirstTaskDelay > TimeSpan.Zero && !HasScheduledAnyWorkflowTask())
        {
            lifecycle.DelayFirstTask(engine.Clock.Schedule(ExecutionTime, this, () => Change(ScheduleWorkflowTask)));
        }
        foreach (var timer in timers.TakeRestored())
        {
            var timerId = timer.TimerId;
            timers.Started(timerId, timer.StartedEventId, engine.Clock.Schedule(timer.Due, this, () => Change(() => FireTimer(timerId))));
        }
        foreach (var activity in activities.Pending.ToList())
        {
            var phase = activities.TakeRestoredPhase(activity);
            if (activity.ScheduleToCloseDeadline is { } deadline)
            {
                activity.ScheduleToCloseAlarm = engine.Clock.Schedule(
                    deadline, this, () => Change(() => TimeOutActivity(activity, TimeoutType.ScheduleToClose)));
            }
            if (phase == ActivityPhase.Started && activity.StartedTime is { } startedTime)
            {
                activities.SetPhase(activity, ActivityPhase.Started);
                activity.AttemptAlarm = engine.Clock.Schedule(
                    startedTime + activity.Scheduled.StartToCloseTimeout.ToTimeSpan(),
                    this,
                    () => Change(() => TimeOutActivity(activity, TimeoutType.StartToClose)));
                ArmHeartbeatTimeout(activity);
            }
            else
            {
                DispatchActivityAttempt(activity);
            }
        }
        if (workflowTasks.Current is { } slot)
        {
            if (slot.IsStarted)
            {
                slot.Timeout = engine.Clock.ScheduleAfter(WorkflowTaskTimeout, this, () => Change(() => TimeOutWorkflowTask(slot)));
            }
            else
            {
                engine.Matcher.WorkflowQueue(Namespace, slot.QueueName).Add(new Matching.WorkflowTaskTicket(this, slot.ScheduledEventId));
            }
        }
    });

    private bool HasScheduledAnyWorkflowTask() =>
        History.Range(1, History.LastEventId).Any(e => e.WorkflowTaskScheduledEventAttributes is not null);

    private static WorkflowExecutionStatus? CloseStatusOf(HistoryEvent e) => e.AttributesCase switch
    {
        HistoryEvent.AttributesOneofCase.WorkflowExecutionCompletedEventAttributes => WorkflowExecutionStatus.Completed,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionFailedEventAttributes => WorkflowExecutionStatus.Failed,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionCanceledEventAttributes => WorkflowExecutionStatus.Canceled,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionTerminatedEventAttributes => WorkflowExecutionStatus.Terminated,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionTimedOutEventAttributes => WorkflowExecutionStatus.TimedOut,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionContinuedAsNewEventAttributes => WorkflowExecutionStatus.ContinuedAsNew,
        _ => null,
    };

    private static string? NextRunIdOf(HistoryEvent e) => e.AttributesCase switch
    {
        HistoryEvent.AttributesOneofCase.WorkflowExecutionContinuedAsNewEventAttributes => e.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId,
        HistoryEvent.AttributesOneofCase.WorkflowExecutionFailedEventAttributes => Empty(e.WorkflowExecutionFailedEventAttributes.NewExecutionRunId),
        HistoryEvent.AttributesOneofCase.WorkflowExecutionCompletedEventAttributes => Empty(e.WorkflowExecutionCompletedEventAttributes.NewExecutionRunId),
        HistoryEvent.AttributesOneofCase.WorkflowExecutionTimedOutEventAttributes => Empty(e.WorkflowExecutionTimedOutEventAttributes.NewExecutionRunId),
        _ => null,
    };

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
