using Temporalio.Api.History.V1;
using Sykefravaer.OfflineTemporal.Engine.History;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Events from outside the workflow code (signals, fired timers, activity results, cancel requests).</summary>
internal sealed partial class WorkflowRun
{
    // Inputs that arrived while a worker held a workflow task. Temporal does not interleave them with the events
    // that task's commands produce: it buffers them and appends them after the task completes, then schedules a new
    // task so the workflow sees them. They are kept as events without ids (not closures) so that the durable store
    // can keep them too: a signal the client was told about must survive a restart.
    private readonly List<BufferedInput> buffered = [];

    // True while the commands of a completed workflow task are being applied; inputs raised meanwhile (an activity
    // cancelled before it started) are buffered like those arriving while the task was held.
    private bool applyingCompletion;

    private bool WorkflowTaskInFlight => applyingCompletion || workflowTask is { IsStarted: true };

    /// <summary>
    /// Appends the events of an input now, with a workflow task to deliver them, or buffers them while a task is in
    /// flight. <paramref name="key"/> lets a later command withdraw a buffered input (a timer cancelled after it
    /// fired but before the workflow saw it). <paramref name="events"/> have their attributes set and no id yet.
    /// </summary>
    private void RecordInput(InputKind kind, string key, params HistoryEvent[] events)
    {
        if (!IsOpen)
        {
            return;
        }
        var input = new BufferedInput(kind, key, events);
        if (WorkflowTaskInFlight)
        {
            buffered.Add(input);
            return;
        }
        AppendInputEvents(input);
        ScheduleWorkflowTask();
    }

    /// <summary>
    /// Appends an input's events. An activity's outcome refers to the started event written just before it, whose id
    /// is known only now.
    /// </summary>
    private void AppendInputEvents(BufferedInput input)
    {
        long startedEventId = 0;
        foreach (var template in input.Events)
        {
            var appended = History.Append(Now, e =>
            {
                e.MergeFrom(template);
                ActivityOutcomes.ReferToStartedEvent(e, startedEventId);
            });
            if (appended.ActivityTaskStartedEventAttributes is not null)
            {
                startedEventId = appended.EventId;
            }
        }
    }

    /// <summary>Appends buffered inputs to history. Returns whether there were any (so a new task is needed).</summary>
    private bool FlushBufferedInputs()
    {
        if (buffered.Count == 0)
        {
            return false;
        }
        var inputs = buffered.ToList();
        buffered.Clear();
        foreach (var input in inputs)
        {
            AppendInputEvents(input);
        }
        return true;
    }

    private bool TryWithdrawBufferedInput(InputKind kind, string key) =>
        buffered.RemoveAll(input => input.Kind == kind && input.Key == key) > 0;

    private bool IsBuffered(InputKind kind, string key) => buffered.Exists(input => input.Kind == kind && input.Key == key);
}

/// <summary>An input waiting for the workflow task in flight to end.</summary>
internal sealed record BufferedInput(InputKind Kind, string Key, IReadOnlyList<HistoryEvent> Events);

internal enum InputKind
{
    Signal,
    TimerFired,
    ActivityResolved,
    CancelRequested,
}
