using OfflineTemporal.Tests.Activities;
using Temporalio.Common;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Which of the four activity timeouts a run provokes.</summary>
public enum ActivityTimeoutCase
{
    /// <summary>The activity is scheduled on a task queue nobody polls.</summary>
    ScheduleToStart,

    /// <summary>One attempt runs too long.</summary>
    StartToClose,

    /// <summary>The whole activity, all attempts included, runs too long.</summary>
    ScheduleToClose,

    /// <summary>The activity stops heartbeating.</summary>
    Heartbeat,
}

/// <summary>Provokes one activity timeout and reports the timeout type the workflow was given.</summary>
[Workflow]
public sealed class ActivityTimeoutWorkflow
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    /// <summary>Returns the timeout type's name, or "none" if the activity somehow finished.</summary>
    [WorkflowRun]
    public async Task<string> RunAsync(ActivityTimeoutCase timeoutCase)
    {
        try
        {
            await (timeoutCase == ActivityTimeoutCase.Heartbeat
                ? Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.HeartbeatOnceThenHangAsync(), Options(timeoutCase))
                : Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.HangAsync(), Options(timeoutCase)));
            return "none";
        }
        catch (ActivityFailureException failure) when (failure.InnerException is TimeoutFailureException timeout)
        {
            return timeout.TimeoutType.ToString();
        }
    }

    // One attempt only, so the timeout itself (not a retry after it) is what the workflow sees.
    private static ActivityOptions Options(ActivityTimeoutCase timeoutCase) => timeoutCase switch
    {
        ActivityTimeoutCase.ScheduleToStart => new()
        {
            TaskQueue = Workflow.Info.TaskQueue + "-nobody-polls",
            ScheduleToStartTimeout = Short,
            StartToCloseTimeout = Long,
            RetryPolicy = new RetryPolicy { MaximumAttempts = 1 },
        },
        ActivityTimeoutCase.StartToClose => new()
        {
            StartToCloseTimeout = Short,
            RetryPolicy = new RetryPolicy { MaximumAttempts = 1 },
        },
        ActivityTimeoutCase.ScheduleToClose => new()
        {
            ScheduleToCloseTimeout = Short,
            RetryPolicy = new RetryPolicy { MaximumAttempts = 1 },
        },
        ActivityTimeoutCase.Heartbeat => new()
        {
            StartToCloseTimeout = Long,
            HeartbeatTimeout = Short,
            RetryPolicy = new RetryPolicy { MaximumAttempts = 1 },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(timeoutCase), timeoutCase, null),
    };
}
