using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;
using Temporalio.Client;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Signals and signal-with-start, including signals that arrive while a workflow task is in flight.</summary>
public sealed class SignalTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task Signals_are_delivered_once_each_in_the_order_sent() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await StartCollectorAsync(queue);
            var sent = Enumerable.Range(1, 10).Select(i => $"item-{i}").ToList();

            foreach (var item in sent)
            {
                await handle.SignalAsync(wf => wf.AddAsync(item));
            }

            await handle.SignalAsync(wf => wf.CloseAsync());
            Assert.Equal(sent, await handle.GetResultAsync());
        });

    [Fact]
    public Task Signals_sent_while_a_workflow_task_is_in_flight_are_not_lost() =>
        RunWorkerAsync(Register, async queue =>
        {
            var handle = await StartCollectorAsync(queue);

            // The first signal's task takes 800 ms; the close and the late signal arrive during it. The server must
            // buffer both, refuse a completion that has not seen the late signal, and hand it over in a new task.
            await handle.SignalAsync(wf => wf.AddSlowlyAsync("slow", 800));
            await handle.SignalAsync(wf => wf.CloseAsync());
            await Task.Delay(200);
            await handle.SignalAsync(wf => wf.AddAsync("late"));

            Assert.Equal(["slow", "late"], await handle.GetResultAsync());
        });

    [Fact]
    public Task Signal_with_start_starts_a_workflow_that_sees_the_signal_first() =>
        RunWorkerAsync(Register, async queue =>
        {
            var options = new WorkflowOptions(UniqueId("signal-with-start"), queue);
            options.SignalWithStart((SignalCollectorWorkflow wf) => wf.AddAsync("first"));

            var handle = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), options);
            await handle.SignalAsync(wf => wf.CloseAsync());

            Assert.Equal(["first"], await handle.GetResultAsync());
        });

    [Fact]
    public Task Signal_with_start_signals_the_running_workflow_instead_of_starting_another() =>
        RunWorkerAsync(Register, async queue =>
        {
            var id = UniqueId("signal-with-start-running");
            var running = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(id, queue));
            var options = new WorkflowOptions(id, queue);
            options.SignalWithStart((SignalCollectorWorkflow wf) => wf.AddAsync("to the running one"));

            var signalled = await Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), options);
            await running.SignalAsync(wf => wf.CloseAsync());

            Assert.Equal(running.ResultRunId, signalled.ResultRunId);
            Assert.Equal(["to the running one"], await running.GetResultAsync());
        });

    private static void Register(Temporalio.Worker.TemporalWorkerOptions worker) => worker.AddWorkflow<SignalCollectorWorkflow>();

    private Task<WorkflowHandle<SignalCollectorWorkflow, IReadOnlyList<string>>> StartCollectorAsync(string queue) =>
        Client.StartWorkflowAsync((SignalCollectorWorkflow wf) => wf.RunAsync(), new(UniqueId("collector"), queue));
}
