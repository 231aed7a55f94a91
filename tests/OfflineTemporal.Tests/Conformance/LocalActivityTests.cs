using OfflineTemporal.Tests.Activities;
using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>
/// Local activities run inside the worker's workflow task and reach the server only as markers, workflow-task
/// heartbeats (a task kept open past its timeout by completing it with a request for a new one) and, for long
/// backoffs, timers. The case workflow writes its projection this way.
/// </summary>
public sealed class LocalActivityTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public async Task A_local_activity_is_recorded_as_a_marker_with_no_activity_task()
    {
        var (outcome, history) = await RunAsync(new LocalActivityScenario(1, 0, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));

        Assert.Equal("attempt 1", outcome.Result);
        Assert.Contains(history.Events, e => e.EventType == EventType.MarkerRecorded);
        Assert.DoesNotContain(history.Events, e => e.EventType == EventType.ActivityTaskScheduled);
    }

    [Fact]
    public async Task Short_retries_happen_inside_the_worker()
    {
        var (outcome, history) = await RunAsync(new LocalActivityScenario(3, 0, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)));

        Assert.Equal("attempt 3", outcome.Result);
        Assert.DoesNotContain(history.Events, e => e.EventType == EventType.TimerStarted);
    }

    [Fact]
    public async Task A_backoff_beyond_the_local_retry_threshold_waits_on_a_workflow_timer()
    {
        var (outcome, history) = await RunAsync(new LocalActivityScenario(3, 0, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));

        Assert.Equal("attempt 3", outcome.Result);
        Assert.Equal(2, history.Events.Count(e => e.EventType == EventType.TimerFired));
        Assert.True(outcome.Elapsed >= TimeSpan.FromSeconds(60), $"two 30 s backoffs took only {outcome.Elapsed} of workflow time");
    }

    [Fact]
    public async Task A_local_activity_longer_than_the_workflow_task_timeout_keeps_its_task_alive()
    {
        // The SDK heartbeats the task at 80 % of its timeout: 2 s leaves the worker 0.4 s to get each heartbeat in,
        // which a loaded 2-core machine replaying with the cache off needs (1 s left it 0.2 s, and it sometimes missed).
        var (outcome, history) = await RunAsync(
            new LocalActivityScenario(1, 6_000, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)), workflowTaskTimeout: TimeSpan.FromSeconds(2));

        Assert.Equal("worked", outcome.Result);
        Assert.DoesNotContain(history.Events, e => e.EventType == EventType.WorkflowTaskTimedOut);
        Assert.True(
            history.Events.Count(e => e.EventType == EventType.WorkflowTaskCompleted) >= 3,
            "a 6 s local activity under a 2 s task timeout needs heartbeat completions");
    }

    private async Task<(LocalActivityOutcome Outcome, Temporalio.Common.WorkflowHistory History)> RunAsync(
        LocalActivityScenario scenario, TimeSpan? workflowTaskTimeout = null)
    {
        LocalActivityOutcome? outcome = null;
        Temporalio.Common.WorkflowHistory? history = null;
        await RunWorkerAsync(
            worker => worker.AddWorkflow<LocalActivityWorkflow>().AddAllActivities(new ConformanceActivities()),
            async queue =>
            {
                var handle = await Client.StartWorkflowAsync(
                    (LocalActivityWorkflow wf) => wf.RunAsync(scenario),
                    new(UniqueId("local-activity"), queue) { TaskTimeout = workflowTaskTimeout });
                outcome = await handle.GetResultAsync();
                history = await handle.FetchHistoryAsync();
            });
        return (outcome!, history!);
    }
}
