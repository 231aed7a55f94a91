using System.Globalization;
using Npgsql;

namespace Sykefravaer.Testing.Postgres;

/// <summary>One test's own database, with one <see cref="NpgsqlDataSource"/> for it as the application would have.
/// Dropped on dispose.</summary>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    private readonly Func<string, Task> drop;

    internal TestPostgresDatabase(string name, string connectionString, Func<string, Task> drop)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        this.drop = drop;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Runs a query that returns one number (a count, a version).</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query that returns one text value (a column, a row as text), or null.</summary>
    public async Task<string?> TextAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    /// <summary>Runs a query and returns the first column of every row as text, in the order the query gives.</summary>
    public async Task<IReadOnlyList<string>> ColumnAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var values = new List<string>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync().ConfigureAwait(false);
        await drop(Name).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
