using System.Text.RegularExpressions;
using Sykefravaer.Workflows.DataConversion;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;

namespace Sykefravaer.Replay.Tests;

/// <summary>What a recorded history shows about its case, read from its events.</summary>
internal static partial class HistoryContents
{
    // Histories recorded since payloads are encrypted (docs/SECURITY.md) hold them under the development key.
    private static readonly PayloadEncryptionCodec Codec = new(EncryptionKeyRing.Development);

    public static IEnumerable<string> SignalNames(WorkflowHistory history) =>
        history.Events
            .Where(e => e.EventType == EventType.WorkflowExecutionSignaled)
            .Select(e => e.WorkflowExecutionSignaledEventAttributes.SignalName);

    /// <summary>The codes of the notices and tasks the workflow asked activities to carry out. The bookkeeping
    /// writes are left out: the projection lists every milestone, fired or not, and decisions are not effects.</summary>
    public static IEnumerable<string> EffectCodes(WorkflowHistory history) =>
        history.Events
            .Where(e => e.EventType == EventType.ActivityTaskScheduled)
            .Select(e => e.ActivityTaskScheduledEventAttributes)
            .Where(a => a.ActivityType.Name is not ("UpdateProjection" or "RecordDecision"))
            .SelectMany(a => a.Input.Payloads_)
            .SelectMany(p => CodeProperty().Matches(TextOf(p)).Select(m => m.Groups[1].Value));

    /// <summary>The activity types of the local activities a history ran, in order, read from their markers.</summary>
    public static IReadOnlyList<string> LocalActivityTypes(WorkflowHistory history) =>
        history.Events
            .Where(e => e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == "core_local_activity")
            .SelectMany(e => e.MarkerRecordedEventAttributes.Details["data"].Payloads_)
            .Select(p => ActivityTypeProperty().Match(p.Data.ToStringUtf8()).Groups[1].Value)
            .ToList();

    /// <summary>The <c>Workflow.Patched</c> markers a history recorded.</summary>
    public static int PatchMarkers(WorkflowHistory history) =>
        history.Events.Count(e => e.EventType == EventType.MarkerRecorded && e.MarkerRecordedEventAttributes.MarkerName == "core_patch");

    [GeneratedRegex("\"activity_type\":\"([A-Za-z]+)\"")]
    private static partial Regex ActivityTypeProperty();

    [GeneratedRegex("\"Code\":\"([A-Z0-9_]+)\"")]
    private static partial Regex CodeProperty();

    /// <summary>The payload's JSON, decrypted where it was recorded encrypted.</summary>
    private static string TextOf(Payload payload)
    {
        var plain = payload.Metadata.TryGetValue(PayloadEncryptionCodec.EncodingKey, out var encoding)
            && encoding.ToStringUtf8() == PayloadEncryptionCodec.Encoding
                ? Codec.DecodeAsync([payload]).GetAwaiter().GetResult().Single()
                : payload;
        return plain.Data.ToStringUtf8();
    }
}
