using System.Data;
using Npgsql;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Persistence.Postgres.Retention;

/// <summary>
/// Deletes case data once its purpose has passed (RULES.md, "Privacy and records"; the policy is in
/// activities/README.md, "Retention"):
/// <list type="bullet">
/// <item>a case closed longer than <see cref="RetentionPolicy.KeepClosedCases"/> ago loses its projection, tasks,
/// notices (PENDING ones too: a notice a year late must not be sent), audit entries and its kept state (so it can no
/// longer be continued); open cases are never touched;</item>
/// <item>a closed tilfelle that ended longer than <see cref="RetentionPolicy.KeepTilfellerFor"/> ago is deleted;</item>
/// <item>an accepted event older than <see cref="RetentionPolicy.KeepClosedCases"/> is forgotten once its person has
/// no open case.</item>
/// </list>
/// Each batch is one transaction holding every table's rows of its cases, so no case is ever half deleted. One sweep
/// runs at a time across worker replicas: the others find the lock taken and skip.
/// </summary>
public sealed class CaseDataRetention(NpgsqlDataSource dataSource)
{
    /// <summary>The key of the session advisory lock a sweep holds: any fixed number other than the migrator's
    /// ("SykeDel" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x53796B6544656C;

    // A case is found through its projection, which every case writes from its first event on. The cursor walks the
    // primary key, so one sweep reads each projection once however many batches it takes.
    private const string ExpiredCasesSql = """
        SELECT case_id FROM case_projection
        WHERE case_id > $1 AND (state->>'closed')::date < $2
        ORDER BY case_id
        LIMIT $3
        """;

    private const string DeleteCasesSql = """
        WITH projections AS (
            DELETE FROM case_projection WHERE case_id = ANY($1) RETURNING 1
        ), tasks AS (
            DELETE FROM veileder_task WHERE case_id = ANY($1) RETURNING 1
        ), notices AS (
            DELETE FROM notice_outbox WHERE case_id = ANY($1) RETURNING 1
        ), audit AS (
            DELETE FROM audit_trail WHERE case_id = ANY($1) RETURNING 1
        ), kept_state AS (
            -- The tilfelle stays for M2; the case itself can no longer be continued.
            UPDATE closed_tilfelle SET case_state = NULL, projection_version = NULL
            WHERE case_id = ANY($1) AND case_state IS NOT NULL RETURNING 1
        )
        SELECT (SELECT count(*) FROM projections), (SELECT count(*) FROM tasks),
               (SELECT count(*) FROM notices), (SELECT count(*) FROM audit)
        """;

    private const string ExpiredTilfellerSql = """
        SELECT case_id FROM closed_tilfelle
        WHERE case_id > $1 AND end_date < $2
        ORDER BY case_id
        LIMIT $3
        """;

    private const string DeleteTilfellerSql = """
        WITH deleted AS (DELETE FROM closed_tilfelle WHERE case_id = ANY($1) RETURNING 1)
        SELECT count(*) FROM deleted
        """;

    // While the person has an open case, a duplicate must still be answered from here rather than signalled again.
    private const string ExpiredAcceptedEventsSql = """
        SELECT event_type, event_id FROM accepted_event e
        WHERE (event_type, event_id) > ($1, $2) AND accepted_at < $3
          AND NOT EXISTS (SELECT 1 FROM case_projection p WHERE p.person_ref = e.person_ref AND p.state->>'closed' IS NULL)
        ORDER BY event_type, event_id
        LIMIT $4
        """;

    private const string DeleteAcceptedEventsSql = """
        DELETE FROM accepted_event WHERE (event_type, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        """;

    /// <summary>Deletes everything the policy no longer keeps at <paramref name="now"/>, in batches; returns the
    /// counts, or <see cref="RetentionResult.SkippedForAnotherSweep"/> when another process is sweeping.</summary>
    public async Task<RetentionResult> SweepAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.KeepClosedCases, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.KeepTilfellerFor, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.BatchSize, 0);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!await LockAsync(connection, "SELECT pg_try_advisory_lock($1)", cancellationToken).ConfigureAwait(false))
        {
            return RetentionResult.SkippedForAnotherSweep;
        }

        try
        {
            // Dates as the rules give them: a case's closed date and a tilfelle's end are Norwegian calendar days.
            var cases = await DeleteClosedCasesAsync(
                connection, NorwegianTime.DateOf(now - policy.KeepClosedCases), policy.BatchSize, cancellationToken).ConfigureAwait(false);
            var tilfeller = await DeleteClosedTilfellerAsync(
                connection, NorwegianTime.DateOf(now - policy.KeepTilfellerFor), policy.BatchSize, cancellationToken).ConfigureAwait(false);
            var acceptedEvents = await DeleteAcceptedEventsAsync(
                connection, (now - policy.KeepClosedCases).ToUniversalTime(), policy.BatchSize, cancellationToken).ConfigureAwait(false);
            return cases with { ClosedTilfeller = tilfeller, AcceptedEvents = acceptedEvents };
        }
        finally
        {
            // Not cancellable: a stopping worker must still release the lock. A broken connection took it along.
            if (connection.State == ConnectionState.Open)
            {
                await LockAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RetentionResult> DeleteClosedCasesAsync(
        NpgsqlConnection connection, DateOnly closedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = RetentionResult.Nothing;
        await InCaseBatchesAsync(connection, ExpiredCasesSql, () => Parameters.Date(closedBefore), batchSize, async (transaction, expired) =>
        {
            await using var delete = new NpgsqlCommand(DeleteCasesSql, connection, transaction) { Parameters = { CaseIds(expired) } };
            await using var counts = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await counts.ReadAsync(cancellationToken).ConfigureAwait(false);
            deleted = deleted with
            {
                CaseProjections = deleted.CaseProjections + counts.GetInt64(0),
                VeilederTasks = deleted.VeilederTasks + counts.GetInt64(1),
                Notices = deleted.Notices + counts.GetInt64(2),
                AuditEntries = deleted.AuditEntries + counts.GetInt64(3),
            };
        }, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<long> DeleteClosedTilfellerAsync(
        NpgsqlConnection connection, DateOnly endedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        await InCaseBatchesAsync(connection, ExpiredTilfellerSql, () => Parameters.Date(endedBefore), batchSize, async (transaction, expired) =>
        {
            await using var delete = new NpgsqlCommand(DeleteTilfellerSql, connection, transaction) { Parameters = { CaseIds(expired) } };
            deleted += (long)(await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>
    /// Walks the case ids that <paramref name="expiredSql"/> selects (cursor, cut-off, batch size) in key order, and
    /// hands each batch to <paramref name="deleteBatch"/> inside its own transaction, committed before the next.
    /// </summary>
    private static async Task InCaseBatchesAsync(
        NpgsqlConnection connection, string expiredSql, Func<NpgsqlParameter> cutoff, int batchSize,
        Func<NpgsqlTransaction, List<Guid>, Task> deleteBatch, CancellationToken cancellationToken)
    {
        var after = Guid.Empty; // the nil uuid, below every case id
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var expired = await ExpiredCaseIdsAsync(
                connection, transaction, expiredSql, after, cutoff(), batchSize, cancellationToken).ConfigureAwait(false);
            if (expired.Count == 0)
            {
                return;
            }

            await deleteBatch(transaction, expired).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (expired.Count < batchSize)
            {
                return;
            }

            after = expired[^1];
        }
    }

    private static async Task<long> DeleteAcceptedEventsAsync(
        NpgsqlConnection connection, DateTimeOffset acceptedBefore, int batchSize, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        // Below every key: an event type is never empty. Compared in SQL only, so the database's collation decides.
        (string Type, string Id) after = (string.Empty, string.Empty);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var types = new List<string>();
            var ids = new List<string>();
            await using (var select = new NpgsqlCommand(ExpiredAcceptedEventsSql, connection, transaction)
            {
                Parameters = { Parameters.Text(after.Type), Parameters.Text(after.Id), Timestamp(acceptedBefore), Limit(batchSize) },
            })
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    types.Add(reader.GetString(0));
                    ids.Add(reader.GetString(1));
                }
            }

            if (types.Count == 0)
            {
                return deleted;
            }

            await using (var delete = new NpgsqlCommand(DeleteAcceptedEventsSql, connection, transaction)
            {
                Parameters = { new NpgsqlParameter<string[]> { TypedValue = [.. types] }, new NpgsqlParameter<string[]> { TypedValue = [.. ids] } },
            })
            {
                deleted += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (types.Count < batchSize)
            {
                return deleted;
            }

            after = (types[^1], ids[^1]);
        }
    }

    /// <summary>The next batch of case ids after <paramref name="after"/>, in key order, from a query taking the
    /// cursor, a cut-off and the batch size.</summary>
    private static async Task<List<Guid>> ExpiredCaseIdsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid after, NpgsqlParameter cutoff, int batchSize,
        CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(sql, connection, transaction) { Parameters = { Parameters.Uuid(after), cutoff, Limit(batchSize) } };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { Parameters.BigInt(AdvisoryLockKey) } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static NpgsqlParameter<Guid[]> CaseIds(List<Guid> ids) => new() { TypedValue = [.. ids] };

    private static NpgsqlParameter<int> Limit(int batchSize) => new() { TypedValue = batchSize };

    // timestamptz takes UTC only.
    private static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset instant) => new() { TypedValue = instant.ToUniversalTime() };
}
