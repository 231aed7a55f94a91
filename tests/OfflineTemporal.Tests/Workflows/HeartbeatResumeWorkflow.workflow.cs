using OfflineTemporal.Tests.Activities;
using Temporalio.Common;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Runs an activity whose second attempt resumes from the first attempt's last heartbeat.</summary>
[Workflow]
public sealed class HeartbeatResumeWorkflow
{
    /// <summary>Returns the progress the retry resumed from.</summary>
    [WorkflowRun]
    public Task<string> RunAsync(string progress) =>
        Workflow.ExecuteActivityAsync(
            (ConformanceActivities a) => a.ResumeFromHeartbeatAsync(progress),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(10),
                HeartbeatTimeout = TimeSpan.FromSeconds(5),
                RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(100), MaximumAttempts = 2 },
            });
}
