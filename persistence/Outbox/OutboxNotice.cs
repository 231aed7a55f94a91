using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Outbox;

/// <summary>A notice as the publisher reads it from the outbox.</summary>
/// <param name="Id">Increasing in the order notices were written.</param>
/// <param name="IdempotencyKey">Stable across redeliveries: the key a channel dedupes on.</param>
/// <param name="PersonRef">The pseudonym; the channel adapter resolves the recipient from it, never from this table.</param>
/// <param name="Recipient">ARBEIDSTAKER, ARBEIDSGIVER or SYKMELDER.</param>
/// <param name="Attempts">Delivery attempts before this one.</param>
/// <param name="CreatedAt">When the activity wrote it.</param>
public sealed record OutboxNotice(
    long Id,
    string IdempotencyKey,
    Guid CaseId,
    string PersonRef,
    string Code,
    string Recipient,
    NoticePayload Payload,
    int Attempts,
    DateTimeOffset CreatedAt);
