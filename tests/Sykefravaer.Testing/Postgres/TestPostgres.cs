using Npgsql;
using Sykefravaer.Embedded.Postgres;

namespace Sykefravaer.Testing.Postgres;

/// <summary>
/// The PostgreSQL server a test suite runs against: the one named by <see cref="ConnectionStringVariable"/> (CI
/// with a service container, or a developer's own server), or else a private throwaway cluster from the machine's
/// PostgreSQL binaries in a temporary folder, removed on dispose. Tests never share data: each test (or test class)
/// takes a database of its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>Not tied to a test framework: wrap it in the framework's shared fixture (starting a cluster takes
/// seconds, so start it once per run or collection, not per test).</remarks>
public sealed class TestPostgres : IAsyncDisposable
{
    /// <summary>A connection string to an existing server whose user may create and drop databases.</summary>
    public const string ConnectionStringVariable = "SYKEFRAVAER_TEST_POSTGRES";

    private readonly NpgsqlDataSource admin;
    private readonly PrivatePostgres? cluster;
    private readonly string? clusterFolder;

    private TestPostgres(NpgsqlDataSource admin, PrivatePostgres? cluster, string? clusterFolder)
    {
        this.admin = admin;
        this.cluster = cluster;
        this.clusterFolder = clusterFolder;
    }

    /// <summary>Gets a value indicating whether the server was started here (rather than named by the environment).</summary>
    public bool IsPrivateCluster => cluster is not null;

    /// <summary>Connects to the server the environment names, or starts a private cluster.</summary>
    public static async Task<TestPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new TestPostgres(NpgsqlDataSource.Create(external), cluster: null, clusterFolder: null);
        }

        // Under the system temp folder: when the tests run as root the cluster runs as the postgres user, which can
        // reach /tmp but not a folder under /root.
        var folder = Path.Combine(Path.GetTempPath(), $"sykefravaer-test-pg-{Guid.NewGuid():N}");
        var started = await PrivatePostgres.StartAsync(
            new PrivatePostgresOptions { DataDirectory = folder, Database = "postgres", Durable = false },
            cancellationToken).ConfigureAwait(false);
        return new TestPostgres(NpgsqlDataSource.Create(started.ConnectionString), started, folder);
    }

    /// <summary>A new, empty database with a unique name; dropped when the returned object is disposed.</summary>
    public async Task<TestPostgresDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        // Made here from a Guid, so safe to quote into the statement (CREATE DATABASE takes no parameters).
        var name = $"test_{Guid.NewGuid():N}";
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
        return new TestPostgresDatabase(name, connectionString, DropDatabaseAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await admin.DisposeAsync().ConfigureAwait(false);
        if (cluster is not null)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(clusterFolder!, recursive: true);
        }
    }

    private async Task DropDatabaseAsync(string name)
    {
        // FORCE: a test that failed half-way may leave pooled connections behind.
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
