using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Sleeps, and reports how much workflow time passed: the server's clock as written on events.</summary>
[Workflow]
public sealed class SleepWorkflow
{
    /// <summary>Sleeps for <paramref name="duration"/>; returns the workflow time that elapsed.</summary>
    [WorkflowRun]
    public async Task<TimeSpan> RunAsync(TimeSpan duration)
    {
        var start = Workflow.UtcNow;
        await Workflow.DelayAsync(duration);
        return Workflow.UtcNow - start;
    }
}
