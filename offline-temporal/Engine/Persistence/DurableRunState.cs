using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Sykefravaer.OfflineTemporal.Engine.Execution;

namespace Sykefravaer.OfflineTemporal.Engine.Persistence;

/// <summary>
/// The part of a run's mutable state that its history does not hold, as Temporal keeps it beside the history in its
/// mutable state record: inputs buffered while a workflow task is in flight, the attempts of pending activities,
/// the request ids of signals already applied, and the start's user metadata. Everything else (timers, the
/// workflow task, status, search attributes, memo) is derived from the history when the run is restored.
/// </summary>
internal sealed record DurableRunState
{
    public static readonly DurableRunState Empty = new();

    public IReadOnlyList<string> SignalRequestIds { get; init; } = [];

    public IReadOnlyList<StoredInput> Buffered { get; init; } = [];

    public IReadOnlyList<StoredActivity> Activities { get; init; } = [];

    /// <summary>The start's <see cref="UserMetadata"/>, protobuf-encoded; not part of the started event.</summary>
    public byte[]? UserMetadata { get; init; }

    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static DurableRunState Decode(byte[]? encoded) =>
        encoded is null || encoded.Length == 0 ? Empty : JsonSerializer.Deserialize<DurableRunState>(encoded, Json) ?? Empty;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static byte[]? ProtoBytes(IMessage? message) => message?.ToByteArray();

    public static T? FromProtoBytes<T>(byte[]? bytes, MessageParser<T> parser)
        where T : class, IMessage<T> => bytes is null ? null : parser.ParseFrom(bytes);

    public UserMetadata? DecodeUserMetadata() => FromProtoBytes(UserMetadata, Temporalio.Api.Sdk.V1.UserMetadata.Parser);
}

/// <summary>A buffered input: its events, protobuf-encoded, without ids.</summary>
internal sealed record StoredInput(InputKind Kind, string Key, IReadOnlyList<byte[]> Events)
{
    public static StoredInput From(BufferedInput input) =>
        new(input.Kind, input.Key, input.Events.Select(e => e.ToByteArray()).ToList());

    public BufferedInput ToInput() => new(Kind, Key, Events.Select(HistoryEvent.Parser.ParseFrom).ToList());
}

/// <summary>A pending activity's attempt, as Temporal's activity info keeps it.</summary>
internal sealed record StoredActivity(
    long ScheduledEventId,
    int Attempt,
    ActivityPhase Phase,
    DateTime CurrentAttemptScheduledTime,
    DateTime? StartedTime,
    string StartedIdentity,
    string StartRequestId,
    byte[]? HeartbeatDetails,
    DateTime? LastHeartbeatTime,
    byte[]? LastFailure,
    long CancelRequestedEventId)
{
    public static StoredActivity From(ActivityState activity) => new(
        activity.ScheduledEventId,
        activity.Attempt,
        activity.Phase,
        activity.CurrentAttemptScheduledTime,
        activity.StartedTime,
        activity.StartedIdentity,
        activity.StartRequestId,
        DurableRunState.ProtoBytes(activity.HeartbeatDetails),
        activity.LastHeartbeatTime,
        DurableRunState.ProtoBytes(activity.LastFailure),
        activity.CancelRequestedEventId);

    public void CopyTo(ActivityState activity)
    {
        activity.Attempt = Attempt;
        activity.CurrentAttemptScheduledTime = CurrentAttemptScheduledTime;
        activity.StartedTime = StartedTime;
        activity.StartedIdentity = StartedIdentity;
        activity.StartRequestId = StartRequestId;
        activity.HeartbeatDetails = DurableRunState.FromProtoBytes(HeartbeatDetails, Payloads.Parser);
        activity.LastHeartbeatTime = LastHeartbeatTime;
        activity.LastFailure = DurableRunState.FromProtoBytes(LastFailure, Failure.Parser);
        activity.CancelRequestedEventId = CancelRequestedEventId;
    }
}
