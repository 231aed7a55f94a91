using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Runs until a signal releases it, then completes or fails as the signal says: lets a test hold a
/// workflow open, or close it in the state (completed or failed) that ID-reuse rules look at.</summary>
[Workflow]
public sealed class ReleasableWorkflow
{
    private bool? fail;

    /// <summary>Waits for <see cref="ReleaseAsync"/>.</summary>
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        await Workflow.WaitConditionAsync(() => fail is not null);
        return fail == true
            ? throw new ApplicationFailureException("Released as failed.", "ReleasedAsFailed", nonRetryable: true)
            : "released";
    }

    /// <summary>Ends the workflow: failed if <paramref name="asFailure"/>, otherwise completed.</summary>
    [WorkflowSignal]
    public Task ReleaseAsync(bool asFailure)
    {
        fail = asFailure;
        return Task.CompletedTask;
    }
}
