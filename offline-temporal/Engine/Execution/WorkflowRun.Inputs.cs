using Temporalio.Api.History.V1;
using Sykefravaer.OfflineTemporal.Engine.History;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Events from outside the workflow code (signals, fired timers, activity results, cancel requests).</summary>
internal sealed partial class WorkflowRun
{
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
        if (workflowTasks.InFlight)
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
        var inputs = buffered.TakeAll();
        foreach (var input in inputs)
        {
            AppendInputEvents(input);
        }
        return inputs.Count > 0;
    }
}
