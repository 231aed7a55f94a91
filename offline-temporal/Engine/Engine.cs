using Sykefravaer.OfflineTemporal.Engine.Execution;
using Sykefravaer.OfflineTemporal.Engine.Matching;
using Sykefravaer.OfflineTemporal.Engine.Time;
using Sykefravaer.OfflineTemporal.Engine.Visibility;

namespace Sykefravaer.OfflineTemporal.Engine;

/// <summary>
/// The in-memory Temporal: the clock, the task queues, the workflow runs and the search attribute definitions. The
/// frontend handlers are thin translations from gRPC requests to calls on these.
/// </summary>
internal sealed class TemporalEngine : IAsyncDisposable
{
    public TemporalEngine(bool timeSkipping, IEnumerable<string> namespaces, IReadOnlyDictionary<string, string> searchAttributes)
    {
        Work = new WorkTracker();
        Clock = new VirtualClock(Work, timeSkipping);
        Matcher = new Matcher();
        SearchAttributes = new SearchAttributeRegistry(searchAttributes);
        Namespaces = new NamespaceRegistry(namespaces, acceptAny: timeSkipping);
        Store = new WorkflowStore(this);
    }

    public WorkTracker Work { get; }

    public VirtualClock Clock { get; }

    public Matcher Matcher { get; }

    public SearchAttributeRegistry SearchAttributes { get; }

    public NamespaceRegistry Namespaces { get; }

    public WorkflowStore Store { get; }

    public ValueTask DisposeAsync() => Clock.DisposeAsync();
}
