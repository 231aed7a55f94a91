using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Heartbeat details survive into the next attempt, and a workflow's cancellation reaches a running activity.</summary>
public sealed class ActivityHeartbeatAndCancellationTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_retried_activity_resumes_from_its_last_heartbeat_details()
    {
        var activities = new ConformanceActivities();
        return RunWorkerAsync(
            worker => worker.AddWorkflow<HeartbeatResumeWorkflow>().AddAllActivities(activities),
            async queue =>
            {
                var resumedFrom = await Client.ExecuteWorkflowAsync(
                    (HeartbeatResumeWorkflow wf) => wf.RunAsync("page 7 of 12"), new(UniqueId("heartbeat-resume"), queue));

                Assert.Equal("page 7 of 12", resumedFrom);
                Assert.Equal(2, activities.Attempts);
            });
    }

    [Fact]
    public Task Cancelling_an_activity_reaches_it_through_its_heartbeat_and_the_workflow_sees_it_cancelled()
    {
        var activities = new ConformanceActivities();
        return RunWorkerAsync(
            worker => worker.AddWorkflow<ActivityCancellationWorkflow>().AddAllActivities(activities),
            async queue =>
            {
                var handle = await Client.StartWorkflowAsync(
                    (ActivityCancellationWorkflow wf) => wf.RunAsync(), new(UniqueId("activity-cancel"), queue));
                await activities.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

                await handle.SignalAsync(wf => wf.CancelActivityAsync());

                Assert.Equal("canceled", await handle.GetResultAsync());
                Assert.True(activities.CancellationObserved.Task.IsCompleted, "the activity never saw the cancellation");
            });
    }
}
