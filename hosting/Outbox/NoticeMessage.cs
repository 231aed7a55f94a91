using Sykefravaer.Activities.Effects;
using Sykefravaer.Persistence.Outbox;
using Sykefravaer.Persistence.Postgres;

namespace Sykefravaer.Hosting.Outbox;

/// <summary>
/// A notice as a channel receives it: the HTTP body, and a line of the file channel. camelCase, the payload as the
/// JSON object the outbox stores (nulls left out), the same <see cref="IdempotencyKey"/> on every redelivery.
/// </summary>
/// <param name="PersonRef">The pseudonym, never the fødselsnummer: the receiver resolves the person from it.</param>
public sealed record NoticeMessage(
    string IdempotencyKey,
    Guid CaseId,
    string PersonRef,
    string Code,
    string Recipient,
    NoticePayload Payload,
    DateTimeOffset CreatedAt)
{
    public static NoticeMessage From(OutboxNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(notice.IdempotencyKey, notice.CaseId, notice.PersonRef, notice.Code, notice.Recipient, notice.Payload, notice.CreatedAt);
    }

    /// <summary>The storage's JSON options, so the payload reads exactly as in the table (dates as yyyy-MM-dd).</summary>
    public string ToJson() => StorageJson.Serialize(this);
}
