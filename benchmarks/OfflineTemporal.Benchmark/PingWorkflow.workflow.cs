using Temporalio.Workflows;

namespace OfflineTemporal.Benchmark;

/// <summary>Answers updates until closed: each update is one workflow task, so its round trip is the cost of a task
/// at the current history length.</summary>
[Workflow]
public sealed class PingWorkflow
{
    private int pings;
    private bool closed;

    /// <summary>Returns how many pings it answered.</summary>
    [WorkflowRun]
    public async Task<int> RunAsync()
    {
        await Workflow.WaitConditionAsync(() => closed);
        return pings;
    }

    /// <summary>Answers with the history length the task saw.</summary>
    [WorkflowUpdate]
    public Task<int> PingAsync()
    {
        pings++;
        return Task.FromResult(Workflow.CurrentHistoryLength);
    }

    /// <summary>Ends the workflow.</summary>
    [WorkflowSignal]
    public Task CloseAsync()
    {
        closed = true;
        return Task.CompletedTask;
    }
}
