using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>A notice into the outbox, PENDING for the publisher, with its audit entry in the same statement.</summary>
internal static class NoticeInsert
{
    private const string InsertSql = """
        WITH inserted AS (
            INSERT INTO notice_outbox (idempotency_key, case_id, person_ref, code, recipient, payload)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, created_at
        ), audited AS (
            INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, details)
            SELECT $1, 'NOTICE', $2, $3, $4, $7, $8, $6 || jsonb_build_object('outboxId', id, 'recipient', $5)
            FROM inserted
        )
        SELECT id, created_at FROM inserted
        """;

    private const string ExistingSql = """
        SELECT id, created_at, code || ' to ' || recipient FROM notice_outbox WHERE idempotency_key = $1
        """;

    public static IdempotentInsert For(NoticeToSend notice) =>
        new(
            notice.IdempotencyKey,
            InsertSql,
            [
                Parameters.Text(notice.IdempotencyKey),
                Parameters.Uuid(notice.CaseId),
                Parameters.Text(notice.PersonRef),
                Parameters.Text(notice.Code),
                Parameters.Text(StoredCodes.Of(notice.To)),
                Parameters.Jsonb(notice.Payload),
                Parameters.Text(notice.Cause),
                Parameters.Date(notice.Payload.DecidedOn),
            ],
            ExistingSql,
            "notice",
            $"{notice.Code} to {StoredCodes.Of(notice.To)}");
}
