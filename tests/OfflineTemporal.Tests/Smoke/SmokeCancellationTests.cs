using Temporalio.Activities;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Smoke;

public class SmokeCancellationActivities
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Activity]
    public async Task HeartbeatUntilCancelledAsync()
    {
        Started.TrySetResult();
        var context = ActivityExecutionContext.Current;
        while (true)
        {
            context.Heartbeat();
            await Task.Delay(100, context.CancellationToken);
        }
    }
}

[Workflow]
public class SmokeCancellationWorkflow
{
    private bool cancel;

    [WorkflowRun]
    public async Task<string> RunAsync()
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var activity = Workflow.ExecuteActivityAsync(
            (SmokeCancellationActivities a) => a.HeartbeatUntilCancelledAsync(),
            new()
            {
                StartToCloseTimeout = TimeSpan.FromSeconds(60),
                HeartbeatTimeout = TimeSpan.FromSeconds(2),
                CancellationToken = source.Token,
                CancellationType = ActivityCancellationType.WaitCancellationCompleted,
            });
        await Workflow.WaitConditionAsync(() => cancel);
        source.Cancel();
        try
        {
            await activity;
            return "completed";
        }
        catch (ActivityFailureException failure) when (failure.InnerException is CanceledFailureException)
        {
            return "canceled";
        }
    }

    [WorkflowSignal]
    public Task CancelAsync()
    {
        cancel = true;
        return Task.CompletedTask;
    }
}

public class SmokeCancellationTests
{
    [Fact]
    public async Task CancellationReachesAHeartbeatingActivity()
    {
        await using var env = await SmokeServer.StartTimeSkippingAsync();
        var queue = $"smoke-{Guid.NewGuid()}";
        var activities = new SmokeCancellationActivities();
        using var worker = new TemporalWorker(env.Client, new TemporalWorkerOptions(queue)
            .AddWorkflow<SmokeCancellationWorkflow>().AddAllActivities(activities));
        await worker.ExecuteAsync(async () =>
        {
            var handle = await env.Client.StartWorkflowAsync((SmokeCancellationWorkflow wf) => wf.RunAsync(), new($"cancel-{Guid.NewGuid()}", queue));
            await activities.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await handle.SignalAsync(wf => wf.CancelAsync());
            var result = handle.GetResultAsync<string>();
            if (await Task.WhenAny(result, Task.Delay(8000)) != result)
            {
                var history = await handle.FetchHistoryAsync();
                Assert.Fail(string.Join("\n", history.Events.Select(e => $"{e.EventId} {e.EventType} {e.WorkflowTaskFailedEventAttributes}")));
            }
            Assert.Equal("canceled", await result);
        });
    }
}
