using Npgsql;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Persistence.Postgres;

namespace Sykefravaer.Persistence.Reads;

/// <summary>Reads case projections back, for the API: by case id, or all cases of a person (by the pseudonym,
/// indexed).</summary>
public sealed class CaseProjectionReader(NpgsqlDataSource dataSource)
{
    private const string Columns = "case_id, person_ref, version, state::text, milestones::text, effects::text, periods::text, events::text";

    public async Task<CaseProjection?> GetAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM case_projection WHERE case_id = $1");
        command.Parameters.Add(Parameters.Uuid(caseId));
        var found = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The person's cases, oldest start first.</summary>
    public Task<IReadOnlyList<CaseProjection>> FindByPersonAsync(string personRef, CancellationToken cancellationToken = default) =>
        FindByPeopleAsync([personRef], cancellationToken);

    /// <summary>The cases of all of <paramref name="personRefs"/> in one read (a page of the work list), oldest start
    /// first.</summary>
    public async Task<IReadOnlyList<CaseProjection>> FindByPeopleAsync(IReadOnlyCollection<string> personRefs, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM case_projection WHERE person_ref = ANY($1) ORDER BY state->>'start', case_id");
        command.Parameters.Add(Parameters.TextArray(personRefs));
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<CaseProjection>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var projections = new List<CaseProjection>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            projections.Add(new CaseProjection(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetInt64(2),
                StorageJson.Deserialize<CaseSummary>(reader.GetString(3)),
                StorageJson.Deserialize<List<MilestoneView>>(reader.GetString(4)),
                StorageJson.Deserialize<List<Effect>>(reader.GetString(5)),
                StorageJson.Deserialize<List<PeriodView>>(reader.GetString(6)),
                StorageJson.Deserialize<List<EventView>>(reader.GetString(7))));
        }

        return projections;
    }
}
