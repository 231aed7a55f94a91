using System.Collections.Concurrent;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>How the first workflow task of a run goes wrong.</summary>
public enum FirstTaskFault
{
    /// <summary>The task throws an unexpected exception, which fails the task (not the workflow).</summary>
    Throws,

    /// <summary>The task takes longer than the workflow's task timeout.</summary>
    Overruns,
}

/// <summary>Goes wrong on its first workflow task only, so the server must retry the task for the workflow to finish.</summary>
/// <remarks>Which task is the first cannot be known from inside a workflow (a replay looks the same), so the count
/// lives outside it, keyed by workflow id. Deliberately non-deterministic: that is the fault being simulated.</remarks>
[Workflow]
public sealed class FlakyTaskWorkflow
{
    private static readonly ConcurrentDictionary<string, int> ExecutionsByWorkflowId = new();

    /// <summary>Gets how long the overrunning task blocks: past a one-second task timeout, short of the SDK's
    /// two-second deadlock detector.</summary>
    public static TimeSpan OverrunBlock { get; } = TimeSpan.FromMilliseconds(1600);

    /// <summary>Returns "recovered" once a task gets through.</summary>
    [WorkflowRun]
    public Task<string> RunAsync(FirstTaskFault fault)
    {
        var execution = ExecutionsByWorkflowId.AddOrUpdate(Workflow.Info.WorkflowId, 1, (_, count) => count + 1);
        if (execution == 1)
        {
            if (fault == FirstTaskFault.Throws)
            {
                throw new InvalidOperationException("Simulated bug on the first workflow task.");
            }

            Thread.Sleep(OverrunBlock);
        }

        return Task.FromResult("recovered");
    }
}
