using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>A decision or exemption: an audit entry only.</summary>
internal static class DecisionInsert
{
    private const string InsertSql = """
        INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, decided_by)
        VALUES ($1, 'DECISION', $2, $3, $4, $5, $6, $7)
        ON CONFLICT (action, idempotency_key) DO NOTHING
        RETURNING id, recorded_at
        """;

    private const string ExistingSql = """
        SELECT id, recorded_at, code FROM audit_trail WHERE action = 'DECISION' AND idempotency_key = $1
        """;

    public static IdempotentInsert For(DecisionToRecord decision) =>
        new(
            decision.IdempotencyKey,
            InsertSql,
            [
                Parameters.Text(decision.IdempotencyKey),
                Parameters.Uuid(decision.CaseId),
                Parameters.Text(decision.PersonRef),
                Parameters.Text(decision.Code),
                Parameters.Text(decision.Cause),
                Parameters.Date(decision.DecidedOn),
                Parameters.Text(decision.DecidedBy, nullable: true),
            ],
            ExistingSql,
            "decision",
            decision.Code);
}
