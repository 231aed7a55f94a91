using System.Text.RegularExpressions;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;

namespace Sykefravaer.Replay.Tests;

/// <summary>What a recorded history shows about its case, read from its events.</summary>
internal static partial class HistoryContents
{
    public static IEnumerable<string> SignalNames(WorkflowHistory history) =>
        history.Events
            .Where(e => e.EventType == EventType.WorkflowExecutionSignaled)
            .Select(e => e.WorkflowExecutionSignaledEventAttributes.SignalName);

    /// <summary>The codes of the notices and tasks the workflow asked activities to carry out (the projection's
    /// inputs are left out: they list every milestone, fired or not).</summary>
    public static IEnumerable<string> EffectCodes(WorkflowHistory history) =>
        history.Events
            .Where(e => e.EventType == EventType.ActivityTaskScheduled)
            .Select(e => e.ActivityTaskScheduledEventAttributes)
            .Where(a => a.ActivityType.Name != "UpdateProjection")
            .SelectMany(a => a.Input.Payloads_)
            .SelectMany(p => CodeProperty().Matches(p.Data.ToStringUtf8()).Select(m => m.Groups[1].Value));

    public static int ActivitiesScheduled(WorkflowHistory history, string activityName) =>
        history.Events.Count(e => e.EventType == EventType.ActivityTaskScheduled
            && e.ActivityTaskScheduledEventAttributes.ActivityType.Name == activityName);

    public static bool HasPatchMarker(WorkflowHistory history, string patchId) =>
        history.Events.Any(e => e.EventType == EventType.MarkerRecorded
            && e.MarkerRecordedEventAttributes.Details.Values.Any(d => d.Payloads_.Any(p => p.Data.ToStringUtf8().Contains(patchId, StringComparison.Ordinal))));

    [GeneratedRegex("\"Code\":\"([A-Z0-9_]+)\"")]
    private static partial Regex CodeProperty();
}
