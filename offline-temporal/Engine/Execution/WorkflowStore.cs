using System.Collections.Concurrent;
using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>Every workflow run, by run id and by workflow id, in memory for the life of the process.</summary>
internal sealed class WorkflowStore(TemporalEngine engine)
{
    private readonly ConcurrentDictionary<string, WorkflowRun> runsById = new();
    private readonly ConcurrentDictionary<(string Namespace, string WorkflowId), WorkflowChain> chains = new();
    private readonly ConcurrentQueue<WorkflowRun> runsInStartOrder = new();

    public TemporalEngine Engine => engine;

    public WorkflowChain Chain(string ns, string workflowId) =>
        chains.GetOrAdd((ns, workflowId), _ => new WorkflowChain(this));

    public void Register(WorkflowRun run)
    {
        runsById[run.RunId] = run;
        runsInStartOrder.Enqueue(run);
    }

    /// <summary>The run a worker's task token names, if it still exists.</summary>
    public WorkflowRun RunForToken(string runId) =>
        runsById.TryGetValue(runId, out var run)
            ? run
            : throw new RpcException(new Status(StatusCode.NotFound, "Workflow execution not found."));

    /// <summary>The run a client names: by run id, or the latest run of the workflow id when none is given.</summary>
    public WorkflowRun Find(string ns, string workflowId, string? runId)
    {
        if (!string.IsNullOrEmpty(runId))
        {
            if (runsById.TryGetValue(runId, out var run) && run.WorkflowId == workflowId && run.Namespace == ns)
            {
                return run;
            }
        }
        else if (chains.TryGetValue((ns, workflowId), out var chain))
        {
            lock (chain.Gate)
            {
                if (chain.Current is { } current)
                {
                    return current;
                }
            }
        }
        throw new RpcException(new Status(StatusCode.NotFound, $"workflow not found for ID: {workflowId}"));
    }

    /// <summary>All runs of a namespace, oldest first; visibility filters these.</summary>
    public IEnumerable<WorkflowRun> RunsIn(string ns) => runsInStartOrder.Where(run => run.Namespace == ns);
}
