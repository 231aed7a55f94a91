using Temporalio.Api.Enums.V1;

namespace Sykefravaer.OfflineTemporal.Engine.History;

/// <summary>
/// When the server suggests that a workflow continue as new, on each WorkflowTaskStarted event (the SDK's
/// <c>Workflow.ContinueAsNewSuggested</c>): Temporal's dynamic config <c>limit.historyCount.suggestContinueAsNew</c>
/// (default 4 × 1024 events) and <c>limit.historySize.suggestContinueAsNew</c> (default 4 MiB), read in
/// temporalio/temporal <c>common/dynamicconfig/constants.go</c>. As the real server does
/// (<c>workflowTaskStateMachine.getHistorySizeInfo</c>), the count is the id of the started event about to be written
/// and the size is that of the events written before it; either reaching its limit suggests.
/// </summary>
internal sealed record HistoryLimits(long SuggestContinueAsNewEvents = HistoryLimits.DefaultEvents, long SuggestContinueAsNewBytes = HistoryLimits.DefaultBytes)
{
    public const long DefaultEvents = 4 * 1024;
    public const long DefaultBytes = 4 * 1024 * 1024;

    public const string EventsKey = "limit.historyCount.suggestContinueAsNew";
    public const string BytesKey = "limit.historySize.suggestContinueAsNew";

    public static HistoryLimits Default { get; } = new();

    /// <summary>Why a workflow task started now, with <paramref name="nextEventId"/> about to be the started event's
    /// id and <paramref name="sizeBytes"/> written, should suggest continuing as new; empty when it should not.</summary>
    public IReadOnlyList<SuggestContinueAsNewReason> ReasonsAt(long nextEventId, long sizeBytes)
    {
        var reasons = new List<SuggestContinueAsNewReason>(2);
        if (sizeBytes >= SuggestContinueAsNewBytes)
        {
            reasons.Add(SuggestContinueAsNewReason.HistorySizeTooLarge);
        }
        if (nextEventId >= SuggestContinueAsNewEvents)
        {
            reasons.Add(SuggestContinueAsNewReason.TooManyHistoryEvents);
        }
        return reasons;
    }
}
