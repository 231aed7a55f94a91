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

    /// <summary>One attempt runs too long, and its retry could not start before the schedule-to-close deadline.</summary>
    StartToCloseWithoutTimeToRetry,

    /// <summary>The activity stops heartbeating, and its retry could not start before the schedule-to-close deadline.</summary>
    HeartbeatWithoutTimeToRetry,
}

/// <summary>Provokes one activity timeout and reports the timeout type the workflow was given.</summary>
[Workflow]
public sealed class ActivityTimeoutWorkflow
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private static readonly RetryPolicy NoTimeToRetry = new() { InitialInterval = Short * 2, BackoffCoefficient = 1 };

    /// <summary>Returns the timeout type's name, or "none" if the activity somehow finished.</summary>
    [WorkflowRun]
    public async Task<string> RunAsync(ActivityTimeoutCase timeoutCase)
    {
        try
        {
            await (timeoutCase is ActivityTimeoutCase.Heartbeat or ActivityTimeoutCase.HeartbeatWithoutTimeToRetry
                ? Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.HeartbeatOnceThenHangAsync(), Options(timeoutCase))
                : Workflow.ExecuteActivityAsync((ConformanceActivities a) => a.HangAsync(), Options(timeoutCase)));
            return "none";
        }
        catch (ActivityFailureException failure) when (failure.InnerException is TimeoutFailureException timeout)
        {
            return timeout.TimeoutType.ToString();
        }
    }

    // One attempt only, so the timeout itself (not a retry after it) is what the workflow sees. The last two cases
    // allow retries, but the two-second backoff outlasts the schedule-to-close deadline, so none is made.
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
        ActivityTimeoutCase.StartToCloseWithoutTimeToRetry => new()
        {
            StartToCloseTimeout = Short,
            ScheduleToCloseTimeout = Short * 2,
            RetryPolicy = NoTimeToRetry,
        },
        ActivityTimeoutCase.HeartbeatWithoutTimeToRetry => new()
        {
            StartToCloseTimeout = Long,
            ScheduleToCloseTimeout = Short * 2,
            HeartbeatTimeout = Short,
            RetryPolicy = NoTimeToRetry,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(timeoutCase), timeoutCase, null),
    };
}
