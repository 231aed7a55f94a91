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

    // How deep the current thread is in changes to this chain's runs; they are written when the outermost ends, so
    // that a change spanning runs (continue-as-new closes one and begins the next) is one transaction.
    private int changeDepth;

    /// <summary>Call under <see cref="Gate"/>.</summary>
    public void EnterChange() => changeDepth++;

    /// <summary>Call under <see cref="Gate"/>: the outermost change writes what every run of the chain changed.</summary>
    public void ExitChange()
    {
        if (--changeDepth > 0 || store.Engine.Durability is not { } durable)
        {
            return;
        }
        var changed = new List<(WorkflowRun Run, Persistence.RunChanges Changes)>();
        foreach (var run in runs)
        {
            if (run.UnsavedChanges() is { } changes)
            {
                changed.Add((run, changes));
            }
        }
        durable.Save(changed.ConvertAll(c => c.Changes));
        foreach (var (run, changes) in changed)
        {
            run.MarkSaved(changes);
        }
    }

    /// <summary>Puts a run read from the durable store back in this chain. Call under <see cref="Gate"/>.</summary>
    public WorkflowRun RestoreRun(TemporalEngine engine, Persistence.StoredRun stored)
    {
        var run = WorkflowRun.Restore(engine, this, stored);
        runs.Add(run);
        store.Register(run);
        return run;
    }

    /// <summary>Creates the next run of this chain (not yet begun). Call under <see cref="Gate"/>.</summary>
    public WorkflowRun CreateRun(TemporalEngine engine, StartParameters start)
    {
        var run = new WorkflowRun(engine, this, start);
        runs.Add(run);
        store.Register(run);
        return run;
    }
}
