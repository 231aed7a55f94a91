using System.Text.RegularExpressions;
using Npgsql;

namespace Sykefravaer.Embedded.Postgres;

/// <summary>Creates the caller's database in a fresh cluster, once.</summary>
internal static partial class DatabaseCreator
{
    private const string DuplicateDatabase = "42P04";

    /// <summary>Checks a database name; it becomes an SQL identifier, which cannot be a query parameter.</summary>
    public static string Validate(string name) =>
        PlainIdentifier().IsMatch(name)
            ? name
            : throw new PrivatePostgresException(
                $"Database name '{name}' must be lower-case letters, digits and underscores (at most 63), not starting with a digit.");

    public static async Task EnsureExistsAsync(string adminConnectionString, string database, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(adminConnectionString);
        await using var exists = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)");
        exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return;
        }

        try
        {
            // The name is checked by Validate: a plain identifier, safe to quote into the statement.
            await using var create = dataSource.CreateCommand($"CREATE DATABASE \"{Validate(database)}\"");
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
        {
            // Another process created it between our check and our create: that is what we wanted.
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
