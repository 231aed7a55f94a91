using Npgsql;
using Sykefravaer.Activities.Tests.Infrastructure;
using Sykefravaer.Persistence.Postgres.Migrations;
using Sykefravaer.Testing.Postgres;

namespace Sykefravaer.Activities.Tests.Migrations;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer server) : IAsyncLifetime
{
    private TestPostgresDatabase? database;

    private TestPostgresDatabase Database => database!;

    public async Task InitializeAsync() => database = await server.CreateDatabaseAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task Migrations_create_every_table_on_an_empty_database()
    {
        var applied = await Database.MigrateAsync();

        Assert.Equal(Migration.All.Select(m => m.Version), applied.Select(m => m.Version));
        foreach (var table in Tables.WithCaseRows.Append("schema_migrations"))
        {
            Assert.Equal(1, await Database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_name = $1", table));
        }

        Assert.Equal(Migration.All.Count, await Database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Running_migrations_again_applies_nothing()
    {
        await Database.MigrateAsync();
        var checksums = await Database.TextAsync("SELECT string_agg(version || ':' || checksum, ',' ORDER BY version) FROM schema_migrations");

        var second = await Database.MigrateAsync();

        Assert.Empty(second);
        Assert.Equal(checksums, await Database.TextAsync("SELECT string_agg(version || ':' || checksum, ',' ORDER BY version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_starters_all_succeed_and_each_migration_is_applied_once()
    {
        // Separate data sources, as separate worker processes would have.
        var starters = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(Database.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(starters.Select(dataSource => SchemaMigrator.MigrateAsync(dataSource)));

            Assert.Equal(Migration.All.Count, results.Sum(applied => applied.Count));
            Assert.Equal(Migration.All.Count, await Database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            foreach (var dataSource in starters)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_stops_start_up()
    {
        await Database.MigrateAsync();
        await Database.ScalarAsync("WITH changed AS (UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1 RETURNING 1) SELECT count(*) FROM changed");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(Database.MigrateAsync);

        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_newer_than_the_code_stops_start_up()
    {
        await Database.MigrateAsync();
        await Database.ScalarAsync("WITH added AS (INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'from_the_future', 'x') RETURNING 1) SELECT count(*) FROM added");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(Database.MigrateAsync);

        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migration_lock_is_released_after_start_up()
    {
        await Database.MigrateAsync();

        Assert.Equal(0, await Database.ScalarAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    }
}
