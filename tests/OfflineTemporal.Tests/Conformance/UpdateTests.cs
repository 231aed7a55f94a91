using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Updates: a validator accepts or rejects them before they change the workflow.</summary>
public sealed class UpdateTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task An_accepted_update_changes_the_workflow_and_returns_its_result() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("update"), queue));

            Assert.Equal(1, await handle.ExecuteUpdateAsync(wf => wf.AddCheckedAsync("first")));
            Assert.Equal(2, await handle.ExecuteUpdateAsync(wf => wf.AddCheckedAsync("second")));

            await handle.SignalAsync(wf => wf.CloseAsync());
            Assert.Equal(["first", "second"], await handle.GetResultAsync());
        });

    [Fact]
    public Task A_rejected_update_throws_and_leaves_no_trace_in_state_or_history() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("update-rejected"), queue));
            await handle.ExecuteUpdateAsync(wf => wf.AddCheckedAsync("only"));

            var rejected = await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() =>
                handle.ExecuteUpdateAsync(wf => wf.AddCheckedAsync("only")));

            var cause = Assert.IsType<ApplicationFailureException>(rejected.InnerException);
            Assert.Equal("RejectedItem", cause.ErrorType);
            Assert.Equal(["only"], await handle.QueryAsync(wf => wf.Items));
            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();
            var history = await handle.FetchHistoryAsync();
            Assert.Single(history.Events, e => e.EventType == EventType.WorkflowExecutionUpdateAccepted);
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) => worker.AddWorkflow<SignalCollectorWorkflow>();
}
