using Temporalio.Api.Command.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Durable timers: started by a command, fired by the virtual clock, or cancelled by a command.</summary>
internal sealed partial class WorkflowRun
{
    private void StartTimer(StartTimerCommandAttributes command, long completedEventId, UserMetadata? metadata)
    {
        var timerId = command.TimerId;
        var started = History.Append(Now, e =>
        {
            e.TimerStartedEventAttributes = new()
            {
                TimerId = timerId,
                StartToFireTimeout = command.StartToFireTimeout,
                WorkflowTaskCompletedEventId = completedEventId,
            };
            e.UserMetadata = metadata;
        });
        var alarm = engine.Clock.ScheduleAfter(command.StartToFireTimeout.ToTimeSpan(), this, () => Change(() => FireTimer(timerId)));
        timers.Started(timerId, started.EventId, alarm);
    }

    private void FireTimer(string timerId)
    {
        if (!timers.TryRemove(timerId, out var timer))
        {
            return;
        }
        RecordInput(InputKind.TimerFired, timerId, new HistoryEvent
        {
            TimerFiredEventAttributes = new() { TimerId = timerId, StartedEventId = timer.StartedEventId },
        });
    }

    private void CancelTimer(string timerId, long completedEventId, string identity)
    {
        long startedEventId;
        if (timers.TryRemove(timerId, out var timer))
        {
            timer.Alarm.Cancel();
            startedEventId = timer.StartedEventId;
        }
        else if (buffered.TryWithdraw(InputKind.TimerFired, timerId) && FindTimerStartedEventId(timerId) is { } id)
        {
            // It fired while the task that cancels it was running: the workflow never saw it fire, so, as Temporal
            // does, the buffered firing is dropped and the cancel stands.
            startedEventId = id;
        }
        else
        {
            return; // Already fired and delivered; the SDK does not normally send this, and there is nothing to undo.
        }
        History.Append(Now, e => e.TimerCanceledEventAttributes = new()
        {
            TimerId = timerId,
            StartedEventId = startedEventId,
            WorkflowTaskCompletedEventId = completedEventId,
            Identity = identity,
        });
    }

    private long? FindTimerStartedEventId(string timerId)
    {
        for (var id = History.LastEventId; id >= 1; id--)
        {
            if (History[id].TimerStartedEventAttributes?.TimerId == timerId)
            {
                return id;
            }
        }
        return null;
    }
}
