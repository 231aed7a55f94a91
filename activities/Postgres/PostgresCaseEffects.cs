using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Postgres.Migrations;

namespace Sykefravaer.Activities.Postgres;

/// <summary>
/// The effects of cases in PostgreSQL: the notice outbox, the veileder work list, the case projection and the
/// audit trail. Uses the application's one <see cref="NpgsqlDataSource"/> (its pool is shared by every activity);
/// every write is one statement, or one transaction where two effects must go together.
/// </summary>
public sealed class PostgresCaseEffects(NpgsqlDataSource dataSource) : ICaseEffects
{
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

    private Task<EffectReceipt> InsertAsync(IdempotentInsert insert, CancellationToken cancellationToken) =>
        DataRejection.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await insert.RunAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
        });
}
