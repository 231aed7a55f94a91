using Temporalio.Activities;
using Temporalio.Common;
using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Smoke;

public static class SmokeActivities
{
    public static int Attempts;

    [Activity]
    public static string Greet(string name) => $"Hello, {name}";

    [Activity]
    public static string Flaky(string name)
    {
        if (ActivityExecutionContext.Current.Info.Attempt < 3)
        {
            Interlocked.Increment(ref Attempts);
            throw new InvalidOperationException("not yet");
        }
        return $"third time {name}";
    }
}

[Workflow]
public class SmokeCaseWorkflow
{
    private readonly List<string> signals = [];

    [WorkflowRun]
    public async Task<string> RunAsync(int expectedSignals)
    {
        var greeting = await Workflow.ExecuteActivityAsync(
            () => SmokeActivities.Greet("world"), new() { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
        var start = Workflow.UtcNow;
        await Workflow.DelayAsync(TimeSpan.FromDays(7));
        await Workflow.WaitConditionAsync(() => signals.Count >= expectedSignals);
        var flaky = await Workflow.ExecuteActivityAsync(
            () => SmokeActivities.Flaky("x"),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(10), RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromSeconds(1) } });
        var days = (int)Math.Round((Workflow.UtcNow - start).TotalDays);
        return $"{greeting}|{string.Join(",", signals)}|{flaky}|{days}";
    }

    [WorkflowSignal]
    public Task SignalAsync(string value)
    {
        signals.Add(value);
        return Task.CompletedTask;
    }

    [WorkflowQuery]
    public int SignalCount => signals.Count;

    [WorkflowUpdateValidator(nameof(AddAsync))]
    public void ValidateAdd(string value)
    {
        if (value.Length == 0)
        {
            throw new ArgumentException("empty");
        }
    }

    [WorkflowUpdate]
    public Task<int> AddAsync(string value)
    {
        signals.Add(value);
        return Task.FromResult(signals.Count);
    }
}

[Workflow]
public class SmokeContinueWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(int remaining)
    {
        await Workflow.DelayAsync(TimeSpan.FromHours(1));
        if (remaining > 0)
        {
            throw Workflow.CreateContinueAsNewException((SmokeContinueWorkflow wf) => wf.RunAsync(remaining - 1));
        }
        return 42;
    }
}
