namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// All runs that have had one workflow id, oldest first, and the lock they share. One lock per workflow id keeps
/// decisions that span runs (reuse and conflict policies at start, continue-as-new) simple and atomic, while runs of
/// different workflows never wait on each other.
/// </summary>
internal sealed class WorkflowChain(WorkflowStore store)
{
    private readonly List<WorkflowRun> runs = [];

    public Lock Gate { get; } = new();

    /// <summary>The latest run, the one a workflow id without a run id refers to. Read under <see cref="Gate"/>.</summary>
    public WorkflowRun? Current => runs.Count > 0 ? runs[^1] : null;

    /// <summary>Creates the next run of this chain (not yet begun). Call under <see cref="Gate"/>.</summary>
    public WorkflowRun CreateRun(TemporalEngine engine, StartParameters start)
    {
        var run = new WorkflowRun(engine, this, start);
        runs.Add(run);
        store.Register(run);
        return run;
    }
}
