using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Continues as new once per step until <c>remaining</c> reaches zero, carrying a running total.</summary>
[Workflow]
public sealed class CountdownWorkflow
{
    /// <summary>Returns the number of runs in the chain.</summary>
    [WorkflowRun]
    public Task<int> RunAsync(int remaining, int runsSoFar)
    {
        var runs = runsSoFar + 1;
        return remaining > 0
            ? throw Workflow.CreateContinueAsNewException((CountdownWorkflow next) => next.RunAsync(remaining - 1, runs))
            : Task.FromResult(runs);
    }
}
