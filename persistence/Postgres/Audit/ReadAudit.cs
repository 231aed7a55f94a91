using Npgsql;

namespace Sykefravaer.Persistence.Postgres.Audit;

/// <summary>One read of one person's data, as <c>read_audit</c> keeps it.</summary>
/// <param name="Decision">ALLOWED, DENIED, or UNAVAILABLE (the access service could not be asked, so nothing was
/// shown).</param>
public sealed record ReadRecord(string ReadBy, string PersonRef, string Endpoint, string Decision);

/// <summary>Records reads of persons' data (<c>read_audit</c>), all of one request in one statement, so a request
/// is recorded whole or not at all.</summary>
public sealed class ReadAudit(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO read_audit (read_by, person_ref, endpoint, decision)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
        """;

    public async Task RecordAsync(IReadOnlyCollection<ReadRecord> reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (reads.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reads.Select(r => r.ReadBy)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reads.Select(r => r.PersonRef)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reads.Select(r => r.Endpoint)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reads.Select(r => r.Decision)] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
