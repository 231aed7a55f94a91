using System.Globalization;
using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>
/// Stores a case's read model only if its version is above the stored one. The version check sits in the
/// ON CONFLICT … WHERE, which PostgreSQL evaluates against the row as locked, so two writers racing can never let
/// the older one win.
/// </summary>
internal static class ProjectionUpsert
{
    private const string UpsertSql = """
        WITH written AS (
            INSERT INTO case_projection AS stored (case_id, person_ref, version, state, milestones, effects, periods, events)
            VALUES ($1, $2, $3, $4, $5, $6, $9, $10)
            ON CONFLICT (case_id) DO UPDATE
                SET person_ref = EXCLUDED.person_ref, version = EXCLUDED.version, state = EXCLUDED.state,
                    milestones = EXCLUDED.milestones, effects = EXCLUDED.effects, periods = EXCLUDED.periods,
                    events = EXCLUDED.events, updated_at = now()
                WHERE stored.version < EXCLUDED.version
            RETURNING version
        ), audited AS (
            INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, details)
            SELECT $7, 'PROJECTION', $1, $2, $8, 'case state changed', jsonb_build_object('version', version)
            FROM written
            ON CONFLICT (action, idempotency_key) DO NOTHING
        )
        SELECT version FROM written
        """;

    private const string StoredVersionSql = "SELECT version FROM case_projection WHERE case_id = $1";

    public static async Task<ProjectionReceipt> RunAsync(NpgsqlConnection connection, CaseProjection projection, CancellationToken cancellationToken)
    {
        await using var upsert = new NpgsqlCommand(UpsertSql, connection)
        {
            Parameters =
            {
                Parameters.Uuid(projection.CaseId),
                Parameters.Text(projection.PersonRef),
                Parameters.BigInt(projection.Version),
                Parameters.Jsonb(projection.State),
                Parameters.Jsonb(projection.Milestones),
                Parameters.Jsonb(projection.Effects),
                Parameters.Text(IdempotencyKey.For(projection.CaseId, "projection/v" + projection.Version.ToString(CultureInfo.InvariantCulture))),
                Parameters.Text(projection.State.Outcome),
                Parameters.Jsonb(projection.SykmeldingPeriods),
                Parameters.Jsonb(projection.EventsCameIn),
            },
        };
        if (await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long written)
        {
            return new ProjectionReceipt(projection.CaseId, projection.Version, written);
        }

        return new ProjectionReceipt(
            projection.CaseId, projection.Version, await StoredVersionAsync(connection, projection.CaseId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The version of the case's stored projection, or 0 when it has none.</summary>
    public static async Task<long> StoredVersionAsync(NpgsqlConnection connection, Guid caseId, CancellationToken cancellationToken)
    {
        await using var stored = new NpgsqlCommand(StoredVersionSql, connection) { Parameters = { Parameters.Uuid(caseId) } };
        return await stored.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? 0;
    }
}
