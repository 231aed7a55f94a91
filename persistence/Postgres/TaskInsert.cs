using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>An OPEN task on the veileder work list, with its audit entry in the same statement.</summary>
internal static class TaskInsert
{
    private const string InsertSql = """
        WITH inserted AS (
            INSERT INTO veileder_task (idempotency_key, case_id, person_ref, code, cause, decided_on, not_before, due_date)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, created_at
        ), audited AS (
            INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, details)
            SELECT $1, 'TASK', $2, $3, $4, $5, $6,
                   jsonb_strip_nulls(jsonb_build_object('taskId', id, 'notBefore', $7, 'due', $8))
            FROM inserted
        )
        SELECT id, created_at FROM inserted
        """;

    private const string ExistingSql = "SELECT id, created_at, code FROM veileder_task WHERE idempotency_key = $1";

    public static IdempotentInsert For(TaskToCreate task) =>
        new(
            task.IdempotencyKey,
            InsertSql,
            [
                Parameters.Text(task.IdempotencyKey),
                Parameters.Uuid(task.CaseId),
                Parameters.Text(task.PersonRef),
                Parameters.Text(task.Code),
                Parameters.Text(task.Cause),
                Parameters.Date(task.DecidedOn),
                Parameters.Date(task.NotBefore),
                Parameters.Date(task.Due),
            ],
            ExistingSql,
            "task",
            task.Code);
}
