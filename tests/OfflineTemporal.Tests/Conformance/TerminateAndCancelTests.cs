using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Terminate and cancel end a workflow, and its result says how it ended.</summary>
public sealed class TerminateAndCancelTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_terminated_workflow_fails_its_result_with_the_termination() =>
        RunWorkerAsync(worker => worker.AddWorkflow<ReleasableWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(UniqueId("terminate"), queue));

            await handle.TerminateAsync("no longer needed");

            var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            var terminated = Assert.IsType<TerminatedFailureException>(failure.InnerException);
            Assert.Contains("no longer needed", terminated.Message, StringComparison.Ordinal);
            Assert.Equal(WorkflowExecutionStatus.Terminated, (await handle.DescribeAsync()).Status);
        });

    [Fact]
    public Task A_cancelled_workflow_fails_its_result_as_cancelled() =>
        RunWorkerAsync(worker => worker.AddWorkflow<ReleasableWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync((ReleasableWorkflow wf) => wf.RunAsync(), new(UniqueId("cancel"), queue));

            await handle.CancelAsync();

            var failure = await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
            Assert.IsType<CanceledFailureException>(failure.InnerException);
            Assert.Equal(WorkflowExecutionStatus.Canceled, (await handle.DescribeAsync()).Status);
        });
}
