using Npgsql;

namespace Sykefravaer.Persistence.Postgres.Audit;

/// <summary>Records each use of the codec server (<c>codec_audit</c>): who, which namespace, how many payloads;
/// never a payload.</summary>
public sealed class CodecAudit(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO codec_audit (operation, namespace, payloads, decided_by) VALUES ($1, $2, $3, $4)
        """;

    /// <param name="operation">DECODE or ENCODE.</param>
    public async Task RecordAsync(string operation, string temporalNamespace, int payloads, string who, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(Parameters.Text(operation));
        command.Parameters.Add(Parameters.Text(temporalNamespace));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = payloads });
        command.Parameters.Add(Parameters.Text(who));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
