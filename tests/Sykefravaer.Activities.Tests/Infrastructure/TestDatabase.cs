using Npgsql;
using Sykefravaer.Activities.Postgres;
using Sykefravaer.Activities.Postgres.Migrations;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>One test's own database, with the application's single data source for it.</summary>
public sealed class TestDatabase(string name, string connectionString, Func<string, Task> drop) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    /// <summary>Applies the schema, as a worker does at start-up, and returns the activities over it.</summary>
    public async Task<CaseActivities> MigratedActivitiesAsync()
    {
        var effects = await PostgresCaseEffects.OpenAsync(DataSource);
        return new CaseActivities(effects);
    }

    public Task<IReadOnlyList<Migration>> MigrateAsync() => SchemaMigrator.MigrateAsync(DataSource);

    /// <summary>Runs a query expected to return one number (a count, a version).</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query expected to return one text value (a column, a row as text).</summary>
    public async Task<string?> TextAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (string?)await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await drop(Name);
    }
}
