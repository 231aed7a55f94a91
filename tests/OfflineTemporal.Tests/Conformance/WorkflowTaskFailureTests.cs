using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>A workflow task that fails or times out is retried by the server, and the workflow carries on.</summary>
public sealed class WorkflowTaskFailureTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_workflow_task_that_throws_is_retried_and_the_failure_is_recorded_once() =>
        RunWorkerAsync(worker => worker.AddWorkflow<FlakyTaskWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (FlakyTaskWorkflow wf) => wf.RunAsync(FirstTaskFault.Throws), new(UniqueId("task-throws"), queue));

            Assert.Equal("recovered", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            var failed = Assert.Single(history.Events, e => e.EventType == EventType.WorkflowTaskFailed);
            Assert.Contains("Simulated bug", failed.WorkflowTaskFailedEventAttributes.Failure.Message, StringComparison.Ordinal);
        });

    [Fact]
    public Task A_workflow_task_that_overruns_its_timeout_is_timed_out_and_retried() =>
        RunWorkerAsync(worker => worker.AddWorkflow<FlakyTaskWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (FlakyTaskWorkflow wf) => wf.RunAsync(FirstTaskFault.Overruns),
                new(UniqueId("task-overruns"), queue) { TaskTimeout = TimeSpan.FromSeconds(1) });

            Assert.Equal("recovered", await handle.GetResultAsync());
            var history = await handle.FetchHistoryAsync();
            // At least one: on a loaded machine the retry can also wait out its second behind the blocked first attempt
            // (the worker runs one activation of a workflow at a time), and Temporal's server times that out as well.
            var timedOut = history.Events.Where(e => e.EventType == EventType.WorkflowTaskTimedOut).ToList();
            Assert.NotEmpty(timedOut);
            Assert.All(timedOut, e => Assert.Equal(TimeoutType.StartToClose, e.WorkflowTaskTimedOutEventAttributes.TimeoutType));
        });
}
