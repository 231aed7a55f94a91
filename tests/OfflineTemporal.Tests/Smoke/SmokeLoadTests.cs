using System.Diagnostics;
using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Worker;
using Temporalio.Workflows;
using Xunit.Abstractions;

namespace OfflineTemporal.Tests.Smoke;

public static class SmokeLoadActivities
{
    [Activity]
    public static int Step(int milestone) => milestone + 1;
}

[Workflow]
public class SmokeLoadWorkflow
{
    private int signals;

    [WorkflowRun]
    public async Task<int> RunAsync()
    {
        var total = 0;
        for (var milestone = 0; milestone < 10; milestone++)
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(52 * 7 / 10.0));
            total += await Workflow.ExecuteActivityAsync(() => SmokeLoadActivities.Step(milestone), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
        }
        await Workflow.WaitConditionAsync(() => signals >= 5);
        return total + signals;
    }

    [WorkflowSignal]
    public Task SignalAsync()
    {
        signals++;
        return Task.CompletedTask;
    }
}

public class SmokeLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SmokeLoad_OneThousandCaseLikeWorkflows()
    {
        const int Count = 1000;
        await using var env = await SmokeServer.StartTimeSkippingAsync();
        var queue = $"load-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(queue)
        {
            MaxConcurrentWorkflowTasks = 200,
            MaxConcurrentActivities = 200,
        }.AddWorkflow<SmokeLoadWorkflow>().AddActivity(SmokeLoadActivities.Step));
        await worker.ExecuteAsync(async () =>
        {
            var wall = Stopwatch.StartNew();
            var ids = Enumerable.Range(0, Count).Select(i => $"load-{i}-{Guid.NewGuid()}").ToList();
            await Task.WhenAll(ids.Select(id => env.Client.StartWorkflowAsync((SmokeLoadWorkflow wf) => wf.RunAsync(), new(id, queue))));
            await Task.WhenAll(ids.Select(async id =>
            {
                for (var s = 0; s < 5; s++)
                {
                    await env.Client.GetWorkflowHandle<SmokeLoadWorkflow>(id).SignalAsync(wf => wf.SignalAsync());
                }
            }));
            // One unlock for all waits: the environment's own per-call unlocking is not meant for concurrent use.
            await env.Client.Connection.TestService.UnlockTimeSkippingAsync(new());
            var results = await Task.WhenAll(ids.Select(id => env.Client.GetWorkflowHandle(id).GetResultAsync<int>()));
            await env.Client.Connection.TestService.LockTimeSkippingAsync(new());
            output.WriteLine($"{Count} workflows in {wall.Elapsed.TotalSeconds:F1} s");
            Assert.All(results, result => Assert.Equal(60, result));
        });
    }
}
