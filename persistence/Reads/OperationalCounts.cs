using Npgsql;

namespace Sykefravaer.Persistence.Reads;

/// <summary>What the operators watch, counted in PostgreSQL: notices by status and the age of the oldest pending one,
/// open tasks by code, cases by outcome, and cases marked for the operators by reason. Counts only: nothing that
/// points at a person leaves this query.</summary>
public sealed class OperationalCounts(NpgsqlDataSource dataSource)
{
    // One round trip; each row is (what, label, value). Counting these is cheap: notice_outbox, veileder_task and
    // case_attention have indexes on status / code, and case_projection is one row per case.
    private const string Sql = """
        SELECT 'notices', status, count(*)::float8 FROM notice_outbox GROUP BY status
        UNION ALL
        SELECT 'oldest_pending_notice', '', coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
          FROM notice_outbox WHERE status = 'PENDING'
        UNION ALL
        SELECT 'open_tasks', code, count(*)::float8 FROM veileder_task WHERE status = 'OPEN' GROUP BY code
        UNION ALL
        SELECT 'cases', coalesce(state->>'outcome', 'UNKNOWN'), count(*)::float8 FROM case_projection GROUP BY 2
        UNION ALL
        SELECT 'attention', reason, count(*)::float8 FROM case_attention GROUP BY reason
        """;

    public async Task<OperationalSnapshot> ReadAsync(DateTimeOffset readAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var notices = new Dictionary<string, long>(StringComparer.Ordinal);
        var openTasks = new Dictionary<string, long>(StringComparer.Ordinal);
        var cases = new Dictionary<string, long>(StringComparer.Ordinal);
        var attention = new Dictionary<string, long>(StringComparer.Ordinal);
        var oldestPending = TimeSpan.Zero;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (what, label, value) = (reader.GetString(0), reader.GetString(1), reader.GetDouble(2));
            switch (what)
            {
                case "notices": notices[label] = (long)value; break;
                case "oldest_pending_notice": oldestPending = TimeSpan.FromSeconds(value); break;
                case "open_tasks": openTasks[label] = (long)value; break;
                case "cases": cases[label] = (long)value; break;
                default: attention[label] = (long)value; break;
            }
        }

        return new OperationalSnapshot(readAt, notices, oldestPending, openTasks, cases, attention);
    }
}

/// <summary>The counts of <see cref="OperationalCounts"/> at one moment.</summary>
/// <param name="OldestPendingNotice">How long the oldest notice still PENDING has waited; zero when none waits.</param>
/// <param name="Cases">Cases by outcome: OPEN, FRISKMELDT, MAKSDATO, DOD, AVBRUTT.</param>
/// <param name="NeedingAttention">Cases marked for the operators, by reason (WORKFLOW_NOT_FOUND, ACTIVITY_FAILED…).</param>
public sealed record OperationalSnapshot(
    DateTimeOffset ReadAt,
    IReadOnlyDictionary<string, long> Notices,
    TimeSpan OldestPendingNotice,
    IReadOnlyDictionary<string, long> OpenTasks,
    IReadOnlyDictionary<string, long> Cases,
    IReadOnlyDictionary<string, long> NeedingAttention);
