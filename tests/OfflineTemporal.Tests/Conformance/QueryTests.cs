using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Queries read the workflow's state as of every event before them, even with a workflow task in flight.</summary>
public sealed class QueryTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task A_query_returns_the_state_after_the_signals_before_it() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("query"), queue));
            await handle.SignalAsync(wf => wf.AddAsync("a"));
            await handle.SignalAsync(wf => wf.AddAsync("b"));

            Assert.Equal(["a", "b"], await handle.QueryAsync(wf => wf.Items));
            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();
        });

    [Fact]
    public Task A_query_made_while_a_workflow_task_is_in_flight_sees_that_task_and_later_signals() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("query-in-flight"), queue));

            await handle.SignalAsync(wf => wf.AddSlowlyAsync("slow", 800));
            await Task.Delay(200);
            await handle.SignalAsync(wf => wf.AddAsync("buffered"));
            var seen = await handle.QueryAsync(wf => wf.Items);

            Assert.Equal(["slow", "buffered"], seen);
            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();
        });

    [Fact]
    public Task A_query_of_a_completed_workflow_returns_its_final_state() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await Client.StartWorkflowAsync(
                (SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("query-closed"), queue));
            await handle.SignalAsync(wf => wf.AddAsync("kept"));
            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();

            Assert.Equal(["kept"], await handle.QueryAsync(wf => wf.Items));
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) => worker.AddWorkflow<SignalCollectorWorkflow>();
}
