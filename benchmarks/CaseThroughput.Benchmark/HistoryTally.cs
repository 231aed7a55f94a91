using Temporalio.Api.Enums.V1;
using Temporalio.Client;

namespace CaseThroughput.Benchmark;

/// <summary>Counts, from the histories of every run of a case (following continue-as-new), the workflow tasks and
/// activities the worker completed: the work behind one case.</summary>
public sealed record HistoryTally(int Runs, int WorkflowTasks, int Activities, int HistoryEvents)
{
    public static HistoryTally Zero { get; } = new(0, 0, 0, 0);

    public static HistoryTally operator +(HistoryTally a, HistoryTally b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Runs + b.Runs, a.WorkflowTasks + b.WorkflowTasks, a.Activities + b.Activities, a.HistoryEvents + b.HistoryEvents);
    }

    /// <summary>Tallies the chain of runs that starts with <paramref name="firstRunId"/>.</summary>
    public static async Task<HistoryTally> OfChainAsync(ITemporalClient client, string workflowId, string firstRunId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tally = Zero;
        for (string? runId = firstRunId; runId is not null;)
        {
            var history = await client.GetWorkflowHandle(workflowId, runId).FetchHistoryAsync();
            tally += new HistoryTally(
                1,
                history.Events.Count(e => e.EventType == EventType.WorkflowTaskCompleted),
                history.Events.Count(e => e.EventType == EventType.ActivityTaskCompleted),
                history.Events.Count);
            var last = history.Events.Last();
            runId = last.EventType == EventType.WorkflowExecutionContinuedAsNew
                ? last.WorkflowExecutionContinuedAsNewEventAttributes.NewExecutionRunId
                : null;
        }

        return tally;
    }
}
