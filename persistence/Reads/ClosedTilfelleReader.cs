using Npgsql;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Persistence.Postgres;

namespace Sykefravaer.Persistence.Reads;

/// <summary>A closed case's tilfelle as the workflow remembered it when the case closed.</summary>
public sealed record ClosedTilfelle(Guid CaseId, string PersonRef, Oppfolgingstilfelle Tilfelle);

/// <summary>
/// The person's closed tilfeller from <c>closed_tilfelle</c>, for the API's GJENTAKENDE_SYKEFRAVAER tag: kept for the
/// years M2 needs (retention's <c>KeepTilfellerYears</c>, default 4), where a closed case's projection is deleted
/// after one, so the rule's three years are counted from these.
/// </summary>
public sealed class ClosedTilfelleReader(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT case_id, person_ref, tilfelle::text FROM closed_tilfelle
        WHERE person_ref = ANY($1) AND end_date >= $2
        ORDER BY start_date, case_id
        """;

    /// <summary>The person's closed tilfeller that ended on or after <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<ClosedTilfelle>> FindByPersonAsync(string personRef, DateOnly since, CancellationToken cancellationToken = default) =>
        FindByPeopleAsync([personRef], since, cancellationToken);

    /// <summary>As <see cref="FindByPersonAsync"/>, for all of <paramref name="personRefs"/> in one read.</summary>
    public async Task<IReadOnlyList<ClosedTilfelle>> FindByPeopleAsync(
        IReadOnlyCollection<string> personRefs, DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(Parameters.TextArray(personRefs));
        command.Parameters.Add(Parameters.Date(since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tilfeller = new List<ClosedTilfelle>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tilfeller.Add(new ClosedTilfelle(reader.GetGuid(0), reader.GetString(1), StorageJson.Deserialize<Oppfolgingstilfelle>(reader.GetString(2))));
        }

        return tilfeller;
    }
}
