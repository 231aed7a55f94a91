using Npgsql;

namespace Sykefravaer.Persistence.Postgres.Migrations;

/// <summary>
/// Brings the database schema up to date at start-up. Several workers (and the API) may start at once, so the
/// whole check-and-apply runs under a PostgreSQL advisory lock: the first applies, the others wait and then find
/// nothing to do. Each migration commits in one transaction with its row in <c>schema_migrations</c>, so a crash
/// half-way leaves either all of a migration or none of it.
/// </summary>
public static class SchemaMigrator
{
    // Any fixed number works; it names "this schema's migrations" among the database's advisory locks.
    private const long AdvisoryLockKey = 0x53796B65667261; // "Sykefra" in ASCII

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>Applies every shipped migration the database lacks; returns those applied by this call.</summary>
    /// <exception cref="SchemaMigrationException">An applied migration's checksum differs from the shipped file,
    /// or the database has migrations this code does not know.</exception>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, LockKey()).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTable, cancellationToken).ConfigureAwait(false);
            var applied = await AppliedChecksumsAsync(connection, cancellationToken).ConfigureAwait(false);
            CheckHistory(applied);
            var missing = Migration.All.Where(migration => !applied.ContainsKey(migration.Version)).ToList();
            foreach (var migration in missing)
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
            }

            return missing;
        }
        finally
        {
            // Not cancellable: the lock must be released even when start-up is being cancelled.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey()).ConfigureAwait(false);
        }
    }

    private static void CheckHistory(Dictionary<int, string> applied)
    {
        foreach (var migration in Migration.All)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
            {
                throw new SchemaMigrationException(
                    $"Migration {migration.Name} was changed after it was applied (checksum {checksum} in the database, "
                    + $"{migration.Checksum} shipped). Applied migrations must never be edited: add a new migration instead.");
            }
        }

        var unknown = applied.Keys.Where(version => Migration.All.All(migration => migration.Version != version)).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaMigrationException(
                $"The database has migration(s) {string.Join(", ", unknown)} that this code does not ship: it is newer than this code.");
        }
    }

    private static async Task<Dictionary<int, string>> AppliedChecksumsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var schema = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter LockKey() => new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey };

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
