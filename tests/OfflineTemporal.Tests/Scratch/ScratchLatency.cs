using System.Diagnostics;
using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Command.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.TaskQueue.V1;
using Temporalio.Api.WorkflowService.V1;
using Xunit.Abstractions;

namespace OfflineTemporal.Tests.Scratch;

public sealed class ScratchLatency(TemporalServerFixture fixture, ITestOutputHelper output) : ConformanceTest(fixture)
{
    [Fact]
    public async Task Latency()
    {
        var ws = Client.WorkflowService;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++) await ws.GetSystemInfoAsync(new());
        output.WriteLine($"GetSystemInfo: {sw.Elapsed.TotalMilliseconds / 200:F2} ms");

        var queue = UniqueId("q");
        var handle = await Client.StartWorkflowAsync("Raw", [], new(UniqueId("raw"), queue));
        var exec = new Temporalio.Api.Common.V1.WorkflowExecution { WorkflowId = handle.Id };
        var poll = new PollWorkflowTaskQueueRequest { Namespace = Client.Options.Namespace, TaskQueue = new TaskQueue { Name = queue }, Identity = "x" };
        double tPoll = 0, tComplete = 0, tSignalToPoll = 0;
        var task = await ws.PollWorkflowTaskQueueAsync(poll);
        for (var i = 0; i < 200; i++)
        {
            sw.Restart();
            await ws.RespondWorkflowTaskCompletedAsync(new() { Namespace = Client.Options.Namespace, TaskToken = task.TaskToken, Identity = "x" });
            tComplete += sw.Elapsed.TotalMilliseconds;
            var pending = ws.PollWorkflowTaskQueueAsync(poll);
            await Task.Delay(5);
            sw.Restart();
            await ws.SignalWorkflowExecutionAsync(new() { Namespace = Client.Options.Namespace, WorkflowExecution = exec, SignalName = "s", Identity = "x" });
            var afterSignal = sw.Elapsed.TotalMilliseconds;
            task = await pending;
            tSignalToPoll += sw.Elapsed.TotalMilliseconds;
            tPoll += sw.Elapsed.TotalMilliseconds - afterSignal;
        }
        output.WriteLine($"complete: {tComplete / 200:F2} ms, signal->poll answered: {tSignalToPoll / 200:F2} ms (after signal returned {tPoll / 200:F2})");
        await handle.TerminateAsync("done");
    }
}
