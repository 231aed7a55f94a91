using Sykefravaer.Testing.Postgres;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>The suite's one PostgreSQL server (<see cref="TestPostgres"/>: the one named by
/// <see cref="TestPostgres.ConnectionStringVariable"/>, or a private cluster), as an xunit collection fixture.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private TestPostgres? server;

    /// <summary>A new, empty database of its own for one test; dropped when disposed.</summary>
    public Task<TestPostgresDatabase> CreateDatabaseAsync() =>
        (server ?? throw new InvalidOperationException("The server has not started.")).CreateDatabaseAsync();

    public async Task InitializeAsync() => server = await TestPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
