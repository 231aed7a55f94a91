using Npgsql;
using Sykefravaer.Embedded.Postgres;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the suite runs against, once per test run: the one named by
/// <see cref="ConnectionStringVariable"/> (a connection string whose user may create databases), or else a private
/// cluster from the machine's binaries in a temporary folder, removed afterwards. Tests never share data: each
/// gets a database of its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "SYKEFRAVAER_TEST_POSTGRES";

    private PrivatePostgres? cluster;
    private string? clusterFolder;
    private NpgsqlDataSource? admin;

    private NpgsqlDataSource Admin => admin ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(external))
        {
            clusterFolder = TemporaryFolder.NewPath("sykefravaer-test-pg");
            cluster = await PrivatePostgres.StartAsync(new PrivatePostgresOptions
            {
                DataDirectory = clusterFolder,
                Database = "postgres",
                Durable = false,
            });
            external = cluster.ConnectionString;
        }

        admin = NpgsqlDataSource.Create(external);
    }

    /// <summary>A new, empty database; dropped when the returned object is disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        // The name is made here from a Guid: a safe identifier (CREATE DATABASE takes no parameters).
        await using (var create = Admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(Admin.ConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(name, connectionString, DropDatabaseAsync);
    }

    public async Task DisposeAsync()
    {
        if (admin is not null)
        {
            await admin.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
            TemporaryFolder.Delete(clusterFolder!);
        }
    }

    private async Task DropDatabaseAsync(string name)
    {
        await using var drop = Admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
