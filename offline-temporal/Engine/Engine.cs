using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Engine.History;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Engine.Persistence;
using Sykefravaer.OfflineTemporal.Engine.Time;
using Sykefravaer.OfflineTemporal.Engine.Visibility;

namespace Sykefravaer.OfflineTemporal.Engine;

/// <summary>
/// The Temporal: the clock, the task queues, the workflow runs and the search attribute definitions, in memory and,
/// when a durable store is given, also on disk. The frontend handlers are thin translations from gRPC requests to
/// calls on these.
/// </summary>
internal sealed class TemporalEngine : IAsyncDisposable
{
    public TemporalEngine(
        bool timeSkipping,
        IEnumerable<string> namespaces,
        IReadOnlyDictionary<string, string> searchAttributes,
        DurableStore? durability = null,
        HistoryLimits? historyLimits = null)
    {
        HistoryLimits = historyLimits ?? HistoryLimits.Default;
        Work = new WorkTracker();
        Clock = new VirtualClock(Work, timeSkipping);
        Matcher = new Matcher();
        SearchAttributes = new SearchAttributeRegistry(searchAttributes);
        Namespaces = new NamespaceRegistry(namespaces, acceptAny: timeSkipping);
        Store = new WorkflowStore(this);
        Durability = durability;
        if (durability is not null)
        {
            if (timeSkipping)
            {
                if (durability.LoadVirtualNow() is { } lastNow)
                {
                    Clock.ResumeFrom(lastNow);
                }
                durability.VirtualNow = () => Clock.Now;
                Clock.Skipped += durability.SaveVirtualNow;
            }
            Registrations.Restore(this, durability);
            RestoreRuns(durability);
        }
    }

    public WorkTracker Work { get; }

    /// <summary>When a workflow task suggests continuing as new.</summary>
    public HistoryLimits HistoryLimits { get; }

    public VirtualClock Clock { get; }

    public Matcher Matcher { get; }

    public SearchAttributeRegistry SearchAttributes { get; }

    public NamespaceRegistry Namespaces { get; }

    public WorkflowStore Store { get; }

    /// <summary>Where every change is written before it is answered; null for an in-memory server.</summary>
    public DurableStore? Durability { get; }

    /// <summary>How many runs a restart brought back, and how many of them were open.</summary>
    public (int Runs, int Open) Restored { get; private set; }

    private void RestoreRuns(DurableStore durability)
    {
        var restored = new List<WorkflowRun>();
        foreach (var stored in durability.LoadRuns())
        {
            var chain = Store.Chain(stored.Namespace, stored.WorkflowId);
            lock (chain.Gate)
            {
                restored.Add(chain.RestoreRun(this, stored));
            }
        }
        foreach (var run in restored)
        {
            run.ResumeAfterRestore();
        }
        Restored = (restored.Count, restored.Count(run => run.IsOpen));
    }

    public async ValueTask DisposeAsync()
    {
        await Clock.DisposeAsync().ConfigureAwait(false);
        Durability?.Dispose();
    }
}
