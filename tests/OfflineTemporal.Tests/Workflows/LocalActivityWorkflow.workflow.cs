using OfflineTemporal.Tests.Activities;
using Temporalio.Common;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>How the local activity should behave: fail until an attempt, or take real time longer than a workflow
/// task may last; and how far apart its retries are (a backoff beyond the threshold becomes a workflow timer).</summary>
public sealed record LocalActivityScenario(int SucceedOnAttempt, int WorkMilliseconds, TimeSpan Backoff, TimeSpan LocalRetryThreshold);

/// <summary>Runs one local activity and returns what it returned, with the workflow time it took.</summary>
[Workflow]
public sealed class LocalActivityWorkflow
{
    [WorkflowRun]
    public async Task<LocalActivityOutcome> RunAsync(LocalActivityScenario scenario)
    {
        var start = Workflow.UtcNow;
        var options = new LocalActivityOptions
        {
            StartToCloseTimeout = TimeSpan.FromSeconds(30),
            LocalRetryThreshold = scenario.LocalRetryThreshold,
            RetryPolicy = new RetryPolicy { InitialInterval = scenario.Backoff, BackoffCoefficient = 1, MaximumAttempts = 10 },
        };
        var result = scenario.WorkMilliseconds > 0
            ? await Workflow.ExecuteLocalActivityAsync((ConformanceActivities a) => a.WorkForAsync(scenario.WorkMilliseconds), options)
            : $"attempt {await Workflow.ExecuteLocalActivityAsync((ConformanceActivities a) => a.FailUntilAttempt(scenario.SucceedOnAttempt), options)}";
        return new LocalActivityOutcome(result, Workflow.UtcNow - start);
    }
}

/// <summary>What the local activity returned and how much workflow time passed meanwhile.</summary>
public sealed record LocalActivityOutcome(string Result, TimeSpan Elapsed);
