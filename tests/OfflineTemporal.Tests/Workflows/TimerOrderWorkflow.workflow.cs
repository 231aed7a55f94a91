using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>Starts several timers at once and records the order they fire in.</summary>
[Workflow]
public sealed class TimerOrderWorkflow
{
    /// <summary>Returns the day counts in firing order.</summary>
    [WorkflowRun]
    public async Task<IReadOnlyList<int>> RunAsync(IReadOnlyList<int> days)
    {
        var fired = new List<int>();
        await Workflow.WhenAllAsync(days.Select(async day =>
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(day));
            fired.Add(day);
        }));
        return fired;
    }
}
