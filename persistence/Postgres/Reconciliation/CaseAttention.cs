using Npgsql;
using Sykefravaer.Activities.Commands;

namespace Sykefravaer.Persistence.Postgres.Reconciliation;

/// <summary>
/// Cases the operators must look at (table <c>case_attention</c>): open cases whose workflow is not there to keep
/// their promises (the reconciliation sweep reads the open projections not yet marked and marks those it finds
/// orphaned), and cases parked by their own workflow on an activity error no retry mends. Reads show the mark.
/// </summary>
public sealed class CaseAttention(NpgsqlDataSource dataSource)
{
    private const string OpenUnmarkedSql = """
        SELECT p.case_id, p.person_ref FROM case_projection p
        WHERE p.case_id > $1 AND p.state->>'closed' IS NULL
          AND NOT EXISTS (SELECT 1 FROM case_attention a WHERE a.case_id = p.case_id)
        ORDER BY p.case_id
        LIMIT $2
        """;

    private const string MarkSql = """
        INSERT INTO case_attention (case_id, reason) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING
        """;

    // Only a case with a read model can be marked (the mark hangs off it); a parked case's workflow logs it either way.
    // A stale sweep mark is replaced: the workflow that parks is running.
    private const string ParkSql = """
        INSERT INTO case_attention (case_id, reason, detail)
        SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM case_projection WHERE case_id = $1)
        ON CONFLICT (case_id) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail, found_at = now()
        """;

    private const string UnparkSql = "DELETE FROM case_attention WHERE case_id = $1 AND reason = $2";

    private const string ReasonsSql = "SELECT case_id, reason FROM case_attention WHERE case_id = ANY($1)";

    /// <summary>Open, unmarked cases after <paramref name="after"/> in case id order: one page of a sweep.</summary>
    public async Task<IReadOnlyList<(Guid CaseId, string PersonRef)>> OpenUnmarkedAsync(Guid after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OpenUnmarkedSql);
        command.Parameters.Add(Parameters.Uuid(after));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(Guid, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        return found;
    }

    /// <summary>Marks the case; false when it was marked already.</summary>
    public async Task<bool> MarkAsync(Guid caseId, string reason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MarkSql);
        command.Parameters.Add(Parameters.Uuid(caseId));
        command.Parameters.Add(Parameters.Text(reason));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Marks the case parked with what failed; false when it has no read model to mark.</summary>
    public async Task<bool> ParkAsync(ParkCaseCommand parked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parked);
        await using var command = dataSource.CreateCommand(ParkSql);
        command.Parameters.Add(Parameters.Uuid(parked.CaseId));
        command.Parameters.Add(Parameters.Text(ParkCaseCommand.Reason));
        command.Parameters.Add(Parameters.Text($"{parked.Activity}: {parked.Error}"));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Removes the case's parked mark (and only that one); false when it had none.</summary>
    public async Task<bool> UnparkAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(UnparkSql);
        command.Parameters.Add(Parameters.Uuid(caseId));
        command.Parameters.Add(Parameters.Text(ParkCaseCommand.Reason));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>The marks of those of <paramref name="caseIds"/> that have one.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ReasonsAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var command = dataSource.CreateCommand(ReasonsSql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. caseIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var reasons = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reasons[reader.GetGuid(0)] = reader.GetString(1);
        }
        return reasons;
    }
}
