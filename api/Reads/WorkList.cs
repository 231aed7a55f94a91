using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Sykefravaer.Api.Reads;

/// <summary>
/// The veileder work list in <c>veileder_task</c>: open tasks that are visible (past their <c>not_before</c>),
/// filtered and paged in (due, id) order on the partial indexes of migration 0002; and marking a task done, with its
/// audit entry, idempotently. Which people the caller may see is the caller's to say (the access check).
/// </summary>
public sealed class WorkList(NpgsqlDataSource dataSource)
{
    private const string Due = "COALESCE(due_date, not_before, decided_on)";

    // Rows read per round while filling a page with visible people's tasks; each round asks the access service once.
    private const int ScanChunk = 200;

    private const string Columns =
        $"id, case_id, person_ref, code, cause, status, decided_on, not_before, {Due}, created_at, done_at, done_by, vurdering";

    // Only an OPEN task changes, so a repeated call (a double click, a retry) changes nothing and audits once.
    private const string MarkDoneSql = """
        WITH done AS (
            UPDATE veileder_task SET status = 'DONE', done_at = now(), done_by = $2, vurdering = $4
            WHERE id = $1 AND status = 'OPEN'
            RETURNING id, idempotency_key, case_id, person_ref, code, done_by, vurdering
        )
        INSERT INTO audit_trail (idempotency_key, action, case_id, person_ref, code, cause, decided_on, decided_by, details)
        SELECT idempotency_key, 'TASK_DONE', case_id, person_ref, code,
               CASE WHEN vurdering IS NULL THEN 'Marked done by a veileder' ELSE 'Closed by a veileder with vurdering ' || vurdering END,
               $3, done_by, jsonb_strip_nulls(jsonb_build_object('taskId', id, 'vurdering', vurdering))
        FROM done
        ON CONFLICT (action, idempotency_key) DO NOTHING
        """;

    /// <summary>One page of the open tasks of the people <paramref name="visible"/> lets through: the page counts
    /// only those, so a veileder's pages are full however many rows are of people they may not see.</summary>
    public async Task<TaskPage> OpenTasksAsync(
        WorkListQuery query, DateOnly today, Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visible);
        // One row more than the page tells whether there is a next page without counting them all.
        var wanted = query.PageSize + 1;
        var chunk = Math.Max(wanted, ScanChunk);
        var skip = query.Offset;
        var rows = new List<TaskView>();
        for (var scanned = 0; rows.Count < wanted; scanned += chunk)
        {
            var scan = await ScanAsync(query, today, scanned, chunk, cancellationToken).ConfigureAwait(false);
            var allowed = await visible([.. scan.Select(task => task.PersonRef).Distinct(StringComparer.Ordinal)]).ConfigureAwait(false);
            foreach (var task in scan.Where(task => allowed.Contains(task.PersonRef)))
            {
                if (skip > 0)
                {
                    skip--;
                }
                else if (rows.Count < wanted)
                {
                    rows.Add(task);
                }
            }

            if (scan.Count < chunk)
            {
                break;
            }
        }

        var hasMore = rows.Count > query.PageSize;
        return new TaskPage(hasMore ? rows.GetRange(0, query.PageSize) : rows, query.Page, query.PageSize, hasMore);
    }

    private async Task<List<TaskView>> ScanAsync(WorkListQuery query, DateOnly today, int offset, int limit, CancellationToken cancellationToken)
    {
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

        if (query.Orgnr is { } orgnr)
        {
            // The virksomhet is the case's: any sykmelding of its tilfelle from that employer (the projection's periods).
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = orgnr });
            sql.Append(" AND EXISTS (SELECT 1 FROM case_projection p, jsonb_array_elements(p.periods) period"
                + " WHERE p.case_id = veileder_task.case_id AND period ->> 'orgnr' = $").Append(command.Parameters.Count).Append(')');
        }

        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        sql.Append(query.Latest ? $" ORDER BY {Due} DESC, id DESC LIMIT $" : $" ORDER BY {Due}, id LIMIT $").Append(command.Parameters.Count);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = offset });
        sql.Append(" OFFSET $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TaskView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM veileder_task WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Marks the task done by <paramref name="doneBy"/>, with the decision its code takes
    /// (<see cref="TaskVurderinger"/>: the caller checks it); a task already done stays as it was. Returns the task as
    /// it now is, or null when there is no such task.</summary>
    public async Task<TaskView?> MarkDoneAsync(long id, string doneBy, DateOnly today, string? vurdering, CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand(MarkDoneSql))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = doneBy });
            command.Parameters.Add(Date(today));
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)vurdering ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
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
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return tasks;
    }
}
