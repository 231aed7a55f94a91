using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Postgres.Migrations;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Activities.Postgres;

/// <summary>
/// The effects of cases in PostgreSQL: the notice outbox, the veileder work list, the case projection, the closed
/// tilfeller (for M2 across cases) and the audit trail. Uses the application's one <see cref="NpgsqlDataSource"/> (its pool is shared by every activity);
/// every write is one statement, or one transaction where two effects must go together.
/// </summary>
public sealed class PostgresCaseEffects(NpgsqlDataSource dataSource) : ICaseEffects
{
    // The effect key of a case's one closed tilfelle, under which its audit entry is stored.
    private const string ClosedTilfelleKey = "tilfelle/closed";

    // Once per case: a retry finds the case_id taken, inserts nothing, and so audits nothing either.
    private const string ClosedTilfelleInsertSql = """
        WITH inserted AS (
            INSERT INTO closed_tilfelle (case_id, person_ref, start_date, end_date, tilfelle)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_id, person_ref, start_date, end_date
        )
        INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, details)
        SELECT $6, 'TILFELLE_CLOSED', case_id, person_ref, 'OPPFOLGINGSTILFELLE',
               'case closed: its sykepengedager count towards the maksdato of the person''s later cases (M2)', end_date,
               jsonb_build_object('start', start_date, 'end', end_date, 'sykedager', $7)
        FROM inserted
        ON CONFLICT (action, idempotency_key) DO NOTHING
        """;

    // Oldest first, as M2 counts; case_id only breaks ties, so the order is the same on every read.
    private const string EarlierTilfellerSql = """
        SELECT tilfelle::text FROM closed_tilfelle
        WHERE person_ref = $1 AND end_date >= $2
        ORDER BY start_date, case_id
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

    public Task<bool> RecordClosedTilfelleAsync(ClosedTilfelleCommand closed, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var insert = dataSource.CreateCommand(ClosedTilfelleInsertSql);
            insert.Parameters.Add(Parameters.Uuid(closed.CaseId));
            insert.Parameters.Add(Parameters.Text(closed.PersonRef));
            insert.Parameters.Add(Parameters.Date(closed.Tilfelle.Start));
            insert.Parameters.Add(Parameters.Date(closed.Tilfelle.End));
            insert.Parameters.Add(Parameters.Jsonb(closed.Tilfelle));
            insert.Parameters.Add(Parameters.Text(IdempotencyKey.For(closed.CaseId, ClosedTilfelleKey)));
            insert.Parameters.Add(Parameters.BigInt(closed.Tilfelle.AntallSykedager));
            // The statement's own count is the audit row's, written exactly when the tilfelle was.
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });

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

    private Task<EffectReceipt> InsertAsync(IdempotentInsert insert, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await insert.RunAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
        });
}
