using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Sykefravaer.Api.Reads;

/// <summary>
/// The veileder work list in <c>veileder_task</c>: open tasks that are visible (past their <c>not_before</c>),
/// filtered and paged in (due, id) order on the partial indexes of migration 0002; and marking a task done, with its
/// audit entry, idempotently.
/// </summary>
public sealed class WorkList(NpgsqlDataSource dataSource)
{
    private const string Due = "COALESCE(due_date, not_before, decided_on)";

    private const string Columns =
        $"id, case_id, person_ref, code, cause, status, decided_on, not_before, {Due}, created_at, done_at, done_by";

    // Only an OPEN task changes, so a repeated call (a double click, a retry) changes nothing and audits once.
    private const string MarkDoneSql = """
        WITH done AS (
            UPDATE veileder_task SET status = 'DONE', done_at = now(), done_by = $2
            WHERE id = $1 AND status = 'OPEN'
            RETURNING id, idempotency_key, case_id, person_ref, code, done_by
        )
        INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, decided_by, details)
        SELECT idempotency_key, 'TASK_DONE', case_id, person_ref, code, 'Marked done by a veileder', $3, done_by,
               jsonb_build_object('taskId', id)
        FROM done
        ON CONFLICT (action, idempotency_key) DO NOTHING
        """;

    public async Task<TaskPage> OpenTasksAsync(WorkListQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {Columns} FROM veileder_task WHERE status = 'OPEN' AND (not_before IS NULL OR not_before <= $1)");
        await using var command = dataSource.CreateCommand();
        command.Parameters.Add(Date(today));
        if (query.Code is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.Code });
            sql.Append(" AND code = $").Append(command.Parameters.Count);
        }

        if (query.DueFrom is { } from)
        {
            command.Parameters.Add(Date(from));
            sql.Append($" AND {Due} >= $").Append(command.Parameters.Count);
        }

        if (query.DueTo is { } to)
        {
            command.Parameters.Add(Date(to));
            sql.Append($" AND {Due} <= $").Append(command.Parameters.Count);
        }

        // One row more than the page tells whether there is a next page without counting them all.
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize + 1 });
        sql.Append($" ORDER BY {Due}, id LIMIT $").Append(command.Parameters.Count);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Offset });
        sql.Append(" OFFSET $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();

        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        var hasMore = rows.Count > query.PageSize;
        return new TaskPage(hasMore ? rows.GetRange(0, query.PageSize) : rows, query.Page, query.PageSize, hasMore);
    }

    public async Task<TaskView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM veileder_task WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Marks the task done by <paramref name="doneBy"/>; a task already done stays as it was. Returns the
    /// task as it now is, or null when there is no such task.</summary>
    public async Task<TaskView?> MarkDoneAsync(long id, string doneBy, DateOnly today, CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand(MarkDoneSql))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = doneBy });
            command.Parameters.Add(Date(today));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Date(DateOnly value) => new NpgsqlParameter<DateOnly> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Date };

    private static async Task<List<TaskView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tasks = new List<TaskView>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tasks.Add(new TaskView(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetFieldValue<DateOnly>(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return tasks;
    }
}
