using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;

namespace OfflineTemporal.Tests.Smoke;

public class SmokeTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(0)]
    public async Task CaseLikeWorkflowRunsEndToEnd(int maxCachedWorkflows)
    {
        await using var env = await SmokeServer.StartTimeSkippingAsync();
        var queue = $"smoke-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(queue)
        {
            MaxCachedWorkflows = maxCachedWorkflows,
        }.AddWorkflow<SmokeCaseWorkflow>().AddActivity(SmokeActivities.Greet).AddActivity(SmokeActivities.Flaky));
        await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync(
                (SmokeCaseWorkflow wf) => wf.RunAsync(3), new(id: $"case-{Guid.NewGuid()}", taskQueue: queue));
            await handle.SignalAsync(wf => wf.SignalAsync("a"));
            Assert.Equal(1, await handle.QueryAsync(wf => wf.SignalCount));
            Assert.Equal(2, await handle.ExecuteUpdateAsync(wf => wf.AddAsync("b")));
            await Assert.ThrowsAsync<WorkflowUpdateFailedException>(() => handle.ExecuteUpdateAsync(wf => wf.AddAsync("")));
            await handle.SignalAsync(wf => wf.SignalAsync("c"));
            var result = await handle.GetResultAsync();
            Assert.Equal("Hello, world|a,b,c|third time x|7", result);

            await Assert.ThrowsAsync<WorkflowAlreadyStartedException>(() => env.Client.StartWorkflowAsync(
                (SmokeCaseWorkflow wf) => wf.RunAsync(3),
                new(id: handle.Id, taskQueue: queue) { IdReusePolicy = Temporalio.Api.Enums.V1.WorkflowIdReusePolicy.RejectDuplicate }));
        });
    }

    [Fact]
    public async Task ContinueAsNewIsFollowedByGetResult()
    {
        await using var env = await SmokeServer.StartTimeSkippingAsync();
        var queue = $"smoke-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(queue).AddWorkflow<SmokeContinueWorkflow>());
        await worker.ExecuteAsync(async () =>
        {
            var result = await env.Client.ExecuteWorkflowAsync(
                (SmokeContinueWorkflow wf) => wf.RunAsync(3), new(id: $"can-{Guid.NewGuid()}", taskQueue: queue));
            Assert.Equal(42, result);
            var count = await env.Client.CountWorkflowsAsync("WorkflowType = 'SmokeContinueWorkflow' AND ExecutionStatus = 'ContinuedAsNew'");
            Assert.Equal(3, count.Count);
        });
    }

    [Fact]
    public async Task DevServerModeRunsInRealTime()
    {
        await using var env = await SmokeServer.StartLocalAsync();
        Assert.False(env.SupportsTimeSkipping);
        var queue = $"smoke-{Guid.NewGuid()}";
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(queue)
            .AddWorkflow<SmokeContinueWorkflow>());
        await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync(
                (SmokeContinueWorkflow wf) => wf.RunAsync(0), new(id: $"dev-{Guid.NewGuid()}", taskQueue: queue));
            var description = await handle.DescribeAsync();
            Assert.Equal(Temporalio.Api.Enums.V1.WorkflowExecutionStatus.Running, description.Status);
            await handle.TerminateAsync("done");
            await Assert.ThrowsAsync<WorkflowFailedException>(() => handle.GetResultAsync());
        });
    }
}
