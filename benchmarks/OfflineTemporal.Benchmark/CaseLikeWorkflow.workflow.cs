using Temporalio.Workflows;

namespace OfflineTemporal.Benchmark;

/// <summary>
/// Shaped like a sick-leave case: sleeps to each of ten milestones over 52 weeks, runs one activity per milestone, and
/// takes in events from upstream systems as signals. Returns how many events it received.
/// </summary>
[Workflow]
public sealed class CaseLikeWorkflow
{
    /// <summary>The signals a case expects before it closes.</summary>
    public const int ExpectedEvents = 5;

    private static readonly int[] MilestoneWeeks = [4, 6, 7, 8, 16, 17, 26, 39, 44, 52];

    private int eventsReceived;

    /// <summary>Gets the number of timers, and of activities, each case runs.</summary>
    public static int Milestones => MilestoneWeeks.Length;

    /// <summary>Runs the case to its last milestone.</summary>
    [WorkflowRun]
    public async Task<int> RunAsync(string caseId)
    {
        var start = Workflow.UtcNow;
        foreach (var week in MilestoneWeeks)
        {
            var due = start + TimeSpan.FromDays(7 * week);
            await Workflow.DelayAsync(due - Workflow.UtcNow);
            await Workflow.ExecuteActivityAsync(
                (CaseActivities a) => a.SendNoticeAsync(caseId, week),
                new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
        }

        await Workflow.WaitConditionAsync(() => eventsReceived >= ExpectedEvents);
        return eventsReceived;
    }

    /// <summary>An event about the case from an upstream system.</summary>
    [WorkflowSignal]
    public Task ReceiveEventAsync(string kind)
    {
        eventsReceived++;
        return Task.CompletedTask;
    }
}
