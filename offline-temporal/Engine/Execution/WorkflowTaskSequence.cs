using Temporalio.Api.TaskQueue.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// A run's workflow tasks one after another: the one pending now, the attempt the next one gets, how far the worker
/// caching the run has seen, and that worker's sticky queue.
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class WorkflowTaskSequence
{
    // True while the commands of a completed task are applied: inputs raised meanwhile (an activity cancelled before
    // it started) must be buffered like those that arrive while a worker holds the task.
    private bool applyingCompletion;

    public WorkflowTaskSlot? Current { get; private set; }

    public int NextAttempt { get; private set; } = 1;

    /// <summary>The started event id of the last completed task: a sticky worker has seen everything up to it.</summary>
    public long LastCompletedStartedEventId { get; private set; }

    /// <summary>The queue of the worker that has the run cached, if any.</summary>
    public StickyExecutionAttributes? Sticky { get; private set; }

    /// <summary>True while inputs must wait for the task a worker holds (or whose completion is applied) to end.</summary>
    public bool InFlight => applyingCompletion || Current is { IsStarted: true };

    public WorkflowTaskSlot Schedule(long scheduledEventId, string queueName, bool onStickyQueue, DateTime time)
    {
        var slot = new WorkflowTaskSlot(scheduledEventId, NextAttempt, queueName, onStickyQueue, time);
        Current = slot;
        return slot;
    }

    /// <summary>The worker completed <paramref name="slot"/> and, with <paramref name="sticky"/>, keeps the run cached.</summary>
    public void Completed(WorkflowTaskSlot slot, StickyExecutionAttributes? sticky)
    {
        Current = null;
        LastCompletedStartedEventId = slot.StartedEventId;
        NextAttempt = 1;
        Sticky = sticky;
    }

    /// <summary>Runs <paramref name="apply"/> with inputs held back, as if the completed task were still in flight.</summary>
    public void ApplyCompletion(Action apply)
    {
        applyingCompletion = true;
        try
        {
            apply();
        }
        finally
        {
            applyingCompletion = false;
        }
    }

    /// <summary>
    /// <paramref name="slot"/> failed or timed out. As in Temporal, a failure while the run was sticky is first
    /// retried on the run's own queue as attempt 1; only failures there count up.
    /// </summary>
    public void Failed(WorkflowTaskSlot slot, bool countAttempt)
    {
        NextAttempt = countAttempt && Sticky is null ? slot.Attempt + 1 : 1;
        Current = null;
        Sticky = null;
    }

    /// <summary>The pending task is gone without an outcome that changes the attempt (abandoned, or the run closed).</summary>
    public void Drop() => Current = null;

    /// <summary>The next task goes to the run's own queue, with full history.</summary>
    public void ForgetSticky() => Sticky = null;

    /// <summary>
    /// A restart forgets which worker cached the run: a restored task is on the run's own queue and its worker gets
    /// the whole history, which is always safe.
    /// </summary>
    public void RestoreScheduled(long scheduledEventId, int attempt, string taskQueue, DateTime time)
    {
        NextAttempt = attempt;
        Current = new WorkflowTaskSlot(scheduledEventId, attempt, taskQueue, onStickyQueue: false, time);
    }

    public void RestoreStarted(long startedEventId, DateTime time)
    {
        if (Current is { } slot)
        {
            slot.StartedEventId = startedEventId;
            slot.StartedTime = time;
        }
    }

    public void RestoreCompleted(long startedEventId)
    {
        LastCompletedStartedEventId = startedEventId;
        NextAttempt = 1;
        Current = null;
    }
}
