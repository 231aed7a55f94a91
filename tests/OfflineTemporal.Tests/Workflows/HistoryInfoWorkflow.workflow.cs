using Temporalio.Workflows;

namespace OfflineTemporal.Tests.Workflows;

/// <summary>What the workflow saw of its own history in its first task, and when the server first suggested that it
/// continue as new (sdk-dotnet's <c>ExecuteWorkflowAsync_HistoryInfo_IsAccurate</c>, rewritten).</summary>
public sealed record HistoryInfoReport(
    int FirstLength, int FirstSize, bool FirstSuggested, int Length, int Size, bool Suggested, IReadOnlyList<string> Reasons);

/// <summary>Sleeps a millisecond at a time, at most <c>maxTimers</c> times, until the server suggests continue-as-new.</summary>
[Workflow]
public sealed class HistoryInfoWorkflow
{
    [WorkflowRun]
    public async Task<HistoryInfoReport> RunAsync(int maxTimers)
    {
        var (firstLength, firstSize, firstSuggested) = (Workflow.CurrentHistoryLength, Workflow.CurrentHistorySize, Workflow.ContinueAsNewSuggested);
        for (var i = 0; i < maxTimers && !Workflow.ContinueAsNewSuggested; i++)
        {
            await Workflow.DelayAsync(TimeSpan.FromMilliseconds(1));
        }

        return new(
            firstLength,
            firstSize,
            firstSuggested,
            Workflow.CurrentHistoryLength,
            Workflow.CurrentHistorySize,
            Workflow.ContinueAsNewSuggested,
            [.. (Workflow.SuggestedContinueAsNewReasons ?? []).Select(r => r.ToString())]);
    }
}
