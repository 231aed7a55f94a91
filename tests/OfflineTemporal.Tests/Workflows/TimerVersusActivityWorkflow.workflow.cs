using OfflineTemporal.Tests.Activities;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Races an hour-long timer against an activity that takes a second or two of real time. While the activity
/// runs the server is not idle, so a time-skipping server must not jump the clock past the timer.</summary>
[Workflow]
public sealed class TimerVersusActivityWorkflow
{
    /// <summary>Returns "activity" or "timer", whichever finished first.</summary>
    [WorkflowRun]
    public async Task<string> RunAsync(int activityMilliseconds)
    {
        var timer = Workflow.DelayAsync(TimeSpan.FromHours(1));
        var activity = Workflow.ExecuteActivityAsync(
            (ConformanceActivities a) => a.WorkForAsync(activityMilliseconds),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
        var first = await Workflow.WhenAnyAsync(timer, activity);
        return first == activity ? "activity" : "timer";
    }
}
