using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Continue-as-new chains runs under one workflow id, and GetResultAsync follows the chain to its end.</summary>
public sealed class ContinueAsNewTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task GetResultAsync_follows_continue_as_new_to_the_last_run() =>
        RunWorkerAsync(worker => worker.AddWorkflow<CountdownWorkflow>(), async queue =>
        {
            var id = UniqueId("continue-as-new");
            var first = await Client.StartWorkflowAsync((CountdownWorkflow wf) => wf.RunAsync(3, 0), new(id, queue));

            Assert.Equal(4, await first.GetResultAsync());

            var firstRun = await Client.GetWorkflowHandle(id, runId: first.ResultRunId).DescribeAsync();
            Assert.Equal(WorkflowExecutionStatus.ContinuedAsNew, firstRun.Status);
            var latestRun = await Client.GetWorkflowHandle(id).DescribeAsync();
            Assert.NotEqual(first.ResultRunId, latestRun.RunId);
            Assert.Equal(WorkflowExecutionStatus.Completed, latestRun.Status);

            var firstHistory = await Client.GetWorkflowHandle(id, runId: first.ResultRunId).FetchHistoryAsync();
            var last = firstHistory.Events.Last();
            Assert.Equal(EventType.WorkflowExecutionContinuedAsNew, last.EventType);
            Assert.False(string.IsNullOrEmpty(last.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId));
        });
}
