namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Events from outside the workflow code (signals, fired timers, activity results, cancel requests).</summary>
internal sealed partial class WorkflowRun
{
    // Inputs that arrived while a worker held a workflow task. Temporal does not interleave them with the events
    // that task's commands produce: it buffers them and appends them after the task completes, then schedules a new
    // task so the workflow sees them.
    private readonly List<BufferedInput> buffered = [];

    // True while the commands of a completed workflow task are being applied; inputs raised meanwhile (an activity
    // cancelled before it started) are buffered like those arriving while the task was held.
    private bool applyingCompletion;

    private bool WorkflowTaskInFlight => applyingCompletion || workflowTask is { IsStarted: true };

    /// <summary>
    /// Appends the events of an input now, with a workflow task to deliver them, or buffers them while a task is in
    /// flight. <paramref name="key"/> lets a later command withdraw a buffered input (a timer cancelled after it
    /// fired but before the workflow saw it).
    /// </summary>
    private void RecordInput(InputKind kind, string key, Action appendEvents)
    {
        if (!IsOpen)
        {
            return;
        }
        if (WorkflowTaskInFlight)
        {
            buffered.Add(new BufferedInput(kind, key, appendEvents));
            return;
        }
        appendEvents();
        ScheduleWorkflowTask();
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
            input.AppendEvents();
        }
        return true;
    }

    private bool TryWithdrawBufferedInput(InputKind kind, string key) =>
        buffered.RemoveAll(input => input.Kind == kind && input.Key == key) > 0;

    private sealed record BufferedInput(InputKind Kind, string Key, Action AppendEvents);

    private enum InputKind
    {
        Signal,
        TimerFired,
        ActivityResolved,
        CancelRequested,
    }
}
