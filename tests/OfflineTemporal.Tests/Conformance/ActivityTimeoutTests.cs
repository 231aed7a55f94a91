using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Each of the four activity timeouts fires and reaches the workflow as a timeout of that type.</summary>
public sealed class ActivityTimeoutTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task Schedule_to_start_timeout_fires_when_no_worker_polls() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.ScheduleToStart, "ScheduleToStart");

    [Fact]
    public Task Start_to_close_timeout_fires_when_an_attempt_runs_too_long() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.StartToClose, "StartToClose");

    [Fact]
    public Task Schedule_to_close_timeout_fires_when_the_activity_runs_too_long() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.ScheduleToClose, "ScheduleToClose");

    [Fact]
    public Task Heartbeat_timeout_fires_when_the_activity_stops_heartbeating() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.Heartbeat, "Heartbeat");

    // Temporal reports the deadline that left no room for a retry, not the attempt's own timeout.
    [Fact]
    public Task A_start_to_close_timeout_with_no_time_left_to_retry_is_reported_as_schedule_to_close() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.StartToCloseWithoutTimeToRetry, "ScheduleToClose");

    [Fact]
    public Task A_heartbeat_timeout_with_no_time_left_to_retry_is_reported_as_schedule_to_close() =>
        ExpectTimeoutAsync(ActivityTimeoutCase.HeartbeatWithoutTimeToRetry, "ScheduleToClose");

    private Task ExpectTimeoutAsync(ActivityTimeoutCase timeoutCase, string expectedTimeoutType)
    {
        var activities = new ConformanceActivities();
        return RunWorkerAsync(
            worker => worker.AddWorkflow<ActivityTimeoutWorkflow>().AddAllActivities(activities),
            async queue =>
            {
                var timeoutType = await Client.ExecuteWorkflowAsync(
                    (ActivityTimeoutWorkflow wf) => wf.RunAsync(timeoutCase), new(UniqueId("activity-timeout"), queue));

                Assert.Equal(expectedTimeoutType, timeoutType);
                Assert.Equal(timeoutCase == ActivityTimeoutCase.ScheduleToStart ? 0 : 1, activities.Attempts);
            });
    }
}
