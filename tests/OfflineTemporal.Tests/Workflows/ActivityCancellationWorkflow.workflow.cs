using OfflineTemporal.Tests.Activities;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Starts a heartbeating activity, cancels it when told to, and waits for the activity to acknowledge.</summary>
[Workflow]
public sealed class ActivityCancellationWorkflow
{
    private bool cancelRequested;

    /// <summary>Returns "canceled" if the activity ended as cancelled.</summary>
    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var activity = Workflow.ExecuteActivityAsync(
            (ConformanceActivities a) => a.HeartbeatUntilCancelledAsync(),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(60),
                HeartbeatTimeout = TimeSpan.FromSeconds(2),
                CancellationToken = cancellation.Token,
                CancellationType = ActivityCancellationType.WaitCancellationCompleted,
            });
        await Workflow.WaitConditionAsync(() => cancelRequested);
        // Cancel, not CancelAsync: the latter runs callbacks on the thread pool, outside the workflow's scheduler.
        cancellation.Cancel();
        try
        {
            await activity;
            return "completed";
        }
        catch (ActivityFailureException failure) when (failure.InnerException is CanceledFailureException)
        {
            return "canceled";
        }
    }

    /// <summary>Asks the workflow to cancel its activity.</summary>
    [WorkflowSignal]
    public Task CancelActivityAsync()
    {
        cancelRequested = true;
        return Task.CompletedTask;
    }
}
