using Npgsql;
using NpgsqlTypes;

namespace Sykefravaer.Api.Ingestion;

/// <summary>The events already handed to Temporal (table <c>accepted_event</c>), by type and the sender's id.</summary>
public sealed class AcceptedEvents(NpgsqlDataSource dataSource)
{
    /// <summary>The person (pseudonym) an earlier event of this type and id went to, or null when it is new.</summary>
    public async Task<string?> FindPersonAsync(string type, string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT person_ref FROM accepted_event WHERE event_type = $1 AND event_id = $2");
        command.Parameters.Add(Text(type));
        command.Parameters.Add(Text(id));
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the event is durable in Temporal; a second record of the same event changes nothing.</summary>
    public async Task RecordAsync(string type, string id, string personRef, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO accepted_event (event_type, event_id, person_ref) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.Add(Text(type));
        command.Parameters.Add(Text(id));
        command.Parameters.Add(Text(personRef));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };
}
