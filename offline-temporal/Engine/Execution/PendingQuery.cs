using Temporalio.Api.Query.V1;
using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>A client's query waiting for a worker's answer.</summary>
internal sealed class PendingQuery(WorkflowQuery query)
{
    private readonly TaskCompletionSource<WorkflowQueryResult> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = Guid.NewGuid().ToString();

    public WorkflowQuery Query { get; } = query;

    /// <summary>True once a worker took it as a query task (so it is no longer waiting on a queue).</summary>
    public bool Started { get; set; }

    /// <summary>True while it waits as a query task on a sticky queue; a ticket for it taken there later is stale.</summary>
    public bool OnStickyQueue { get; set; }

    /// <summary>When to give up on the sticky worker and send the query to the run's own queue.</summary>
    public Alarm? StickyTimeout { get; set; }

    public Task<WorkflowQueryResult> Answer => answered.Task;

    public void Answered(WorkflowQueryResult result) => answered.TrySetResult(result);
}
