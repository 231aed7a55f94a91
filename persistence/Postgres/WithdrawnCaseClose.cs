using System.Globalization;
using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>
/// Closes the stored read model of a case whose every sykmelding was withdrawn: closed on the given day, outcome
/// AVBRUTT, pending milestones cancelled. Versioned like <see cref="ProjectionUpsert"/>, so a retry changes nothing
/// and an older write can never follow it.
/// </summary>
internal static class WithdrawnCaseClose
{
    private const string CloseSql = """
        WITH written AS (
            UPDATE case_projection SET
                version = $2,
                state = state || jsonb_build_object('closed', $3::date, 'outcome', $4::text),
                milestones = (
                    SELECT coalesce(jsonb_agg(
                        CASE WHEN m->>'result' = 'PENDING' THEN m || '{"result": "CANCELLED"}' ELSE m END ORDER BY i), '[]')
                    FROM jsonb_array_elements(milestones) WITH ORDINALITY AS listed(m, i)),
                updated_at = now()
            WHERE case_id = $1 AND version < $2
            RETURNING case_id, person_ref, version
        ), audited AS (
            INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, details)
            SELECT $5, 'PROJECTION', case_id, person_ref, $4, 'case state changed: every sykmelding withdrawn',
                   jsonb_build_object('version', version)
            FROM written
            ON CONFLICT (action, idempotency_key) DO NOTHING
        )
        SELECT version FROM written
        """;

    public static async Task<ProjectionReceipt> RunAsync(NpgsqlConnection connection, WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken)
    {
        await using var close = new NpgsqlCommand(CloseSql, connection)
        {
            Parameters =
            {
                Parameters.Uuid(withdrawn.CaseId),
                Parameters.BigInt(withdrawn.Version),
                Parameters.Date(withdrawn.On),
                Parameters.Text(WithdrawnCaseCommand.Outcome),
                Parameters.Text(IdempotencyKey.For(withdrawn.CaseId, "projection/v" + withdrawn.Version.ToString(CultureInfo.InvariantCulture))),
            },
        };
        if (await close.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long written)
        {
            return new ProjectionReceipt(withdrawn.CaseId, withdrawn.Version, written);
        }

        // Nothing written: a newer version is stored, or the case never wrote a projection at all.
        return new ProjectionReceipt(
            withdrawn.CaseId, withdrawn.Version, await ProjectionUpsert.StoredVersionAsync(connection, withdrawn.CaseId, cancellationToken).ConfigureAwait(false));
    }
}
