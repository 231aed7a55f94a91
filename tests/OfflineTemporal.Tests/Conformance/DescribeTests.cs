using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Describe reports a workflow's identity, status and times as it runs and after it closes.</summary>
public sealed class DescribeTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task Describe_reports_type_queue_and_status_while_running_and_after_completion() =>
        RunWorkerAsync(worker => worker.AddWorkflow<ReleasableWorkflow>(), async queue =>
        {
            var id = UniqueId("describe");
            var handle = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(id, queue));

            var running = await handle.DescribeAsync();
            Assert.Equal(id, running.Id);
            Assert.Equal(handle.ResultRunId, running.RunId);
            Assert.Equal("ReleasableWorkflow", running.WorkflowType);
            Assert.Equal(queue, running.TaskQueue);
            Assert.Equal(WorkflowExecutionStatus.Running, running.Status);
            Assert.Null(running.CloseTime);

            await handle.SignalAsync(wf => wf.ReleaseAsync(false));
            await handle.GetResultAsync();

            var completed = await handle.DescribeAsync();
            Assert.Equal(WorkflowExecutionStatus.Completed, completed.Status);
            Assert.NotNull(completed.CloseTime);
            Assert.True(completed.CloseTime >= completed.StartTime);
            var history = await handle.FetchHistoryAsync();
            Assert.Equal(history.Events.Count, completed.HistoryLength);
        });

    [Fact]
    public async Task Describing_an_unknown_workflow_fails_with_not_found()
    {
        var unknown = Client.GetWorkflowHandle(UniqueId("never-started"));

        var failure = await Assert.ThrowsAsync<Temporalio.Exceptions.RpcException>(() => unknown.DescribeAsync());

        Assert.Equal(Temporalio.Exceptions.RpcException.StatusCode.NotFound, failure.Code);
    }
}
