using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Persistence.Postgres.Migrations;
using Sykefravaer.Persistence.Postgres.Reconciliation;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>
/// The effects of cases in PostgreSQL: the notice outbox, the veileder work list, the case projection, the closed
/// tilfeller (for M2 across cases) and the audit trail. Uses the application's one <see cref="NpgsqlDataSource"/> (its pool is shared by every activity);
/// every write is one statement, or one transaction where two effects must go together.
/// </summary>
public sealed class PostgresCaseEffects(NpgsqlDataSource dataSource) : ICaseEffects
{
    private readonly CaseAttention attention = new(dataSource);

    // Oldest first, as M2 counts; case_id only breaks ties, so the order is the same on every read.
    private const string EarlierTilfellerSql = """
        SELECT tilfelle::text FROM closed_tilfelle
        WHERE person_ref = $1 AND end_date >= $2
        ORDER BY start_date, case_id
        """;

    // Again on every close of the case (a continued case closes again, its end moved): the row is replaced, and the
    // audit entry is keyed by the projection version, so a retry of one close writes nothing twice.
    private const string ClosedCaseUpsertSql = """
        WITH upserted AS (
            INSERT INTO closed_tilfelle (case_id, person_ref, start_date, end_date, tilfelle, case_state, projection_version)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (case_id) DO UPDATE SET
                start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, tilfelle = EXCLUDED.tilfelle,
                case_state = EXCLUDED.case_state, projection_version = EXCLUDED.projection_version, recorded_at = now()
            WHERE closed_tilfelle.projection_version IS DISTINCT FROM EXCLUDED.projection_version
               OR closed_tilfelle.case_state IS DISTINCT FROM EXCLUDED.case_state
            RETURNING case_id, person_ref, start_date, end_date
        )
        INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, details)
        SELECT $8, 'TILFELLE_CLOSED', case_id, person_ref, 'OPPFOLGINGSTILFELLE',
               'case closed: kept so a continuing sykmelding continues it (T1) and for the maksdato of the person''s later cases (M2)',
               end_date, jsonb_build_object('start', start_date, 'end', end_date, 'sykedager', $9)
        FROM upserted
        ON CONFLICT (action, idempotency_key) DO NOTHING
        """;

    private const string LastClosedCaseSql = """
        SELECT case_id, projection_version, case_state::text FROM closed_tilfelle
        WHERE person_ref = $1 AND case_state IS NOT NULL
        ORDER BY end_date DESC, start_date DESC, case_id
        LIMIT 1
        """;

    /// <summary>Brings the schema up to date (safe when several processes start at once), then returns the store.
    /// The way a worker should get one.</summary>
    public static async Task<PostgresCaseEffects> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await SchemaMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return new PostgresCaseEffects(dataSource);
    }

    public Task<EffectReceipt> SendNoticeAsync(NoticeToSend notice, CancellationToken cancellationToken) =>
        InsertAsync(NoticeInsert.For(notice), cancellationToken);

    public Task<EffectReceipt> CreateTaskAsync(TaskToCreate task, CancellationToken cancellationToken) =>
        InsertAsync(TaskInsert.For(task), cancellationToken);

    public Task<EffectReceipt> RecordDecisionAsync(DecisionToRecord decision, CancellationToken cancellationToken) =>
        InsertAsync(DecisionInsert.For(decision), cancellationToken);

    public Task<AapTransitionReceipt> SendNoticeAndCreateTaskAsync(NoticeToSend notice, TaskToCreate task, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var noticeReceipt = await NoticeInsert.For(notice).RunAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var taskReceipt = await TaskInsert.For(task).RunAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new AapTransitionReceipt(noticeReceipt, taskReceipt);
        });

    public Task<ProjectionReceipt> SaveProjectionAsync(CaseProjection projection, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ProjectionUpsert.RunAsync(connection, projection, cancellationToken).ConfigureAwait(false);
        });

    public Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await WithdrawnCaseClose.RunAsync(connection, withdrawn, cancellationToken).ConfigureAwait(false);
        });

    public Task<bool> RecordClosedCaseAsync(ClosedCaseCommand closed, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var upsert = dataSource.CreateCommand(ClosedCaseUpsertSql);
            AddTilfelleRow(upsert, closed.CaseId, closed.PersonRef, closed.Tilfelle);
            upsert.Parameters.Add(Parameters.Jsonb(closed.State));
            upsert.Parameters.Add(Parameters.BigInt(closed.ProjectionVersion));
            upsert.Parameters.Add(Parameters.Text(IdempotencyKey.For(closed.CaseId, closed.AuditKey)));
            upsert.Parameters.Add(Parameters.BigInt(closed.Tilfelle.AntallSykedager));
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });

    /// <summary>Parameters $1–$5 of the closed_tilfelle write: the case, the person and the tilfelle.</summary>
    private static void AddTilfelleRow(NpgsqlCommand command, Guid caseId, string personRef, Oppfolgingstilfelle tilfelle)
    {
        command.Parameters.Add(Parameters.Uuid(caseId));
        command.Parameters.Add(Parameters.Text(personRef));
        command.Parameters.Add(Parameters.Date(tilfelle.Start));
        command.Parameters.Add(Parameters.Date(tilfelle.End));
        command.Parameters.Add(Parameters.Jsonb(tilfelle));
    }

    public async Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(LastClosedCaseSql);
        select.Parameters.Add(Parameters.Text(query.PersonRef));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ClosedCase(reader.GetGuid(0), reader.GetInt64(1), StorageJson.Deserialize<Domain.Cases.CaseState>(reader.GetString(2)))
            : null;
    }

    public async Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand(EarlierTilfellerSql);
        select.Parameters.Add(Parameters.Text(query.PersonRef));
        select.Parameters.Add(Parameters.Date(query.Since));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tilfeller = new List<Oppfolgingstilfelle>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tilfeller.Add(StorageJson.Deserialize<Oppfolgingstilfelle>(reader.GetString(0)));
        }

        return tilfeller;
    }

    public Task<bool> ParkCaseAsync(ParkCaseCommand parked, CancellationToken cancellationToken) =>
        attention.ParkAsync(parked, cancellationToken);

    public Task<bool> UnparkCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        attention.UnparkAsync(caseId, cancellationToken);

    private Task<EffectReceipt> InsertAsync(IdempotentInsert insert, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await insert.RunAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
        });
}
