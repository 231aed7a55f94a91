using Sykefravaer.Testing.Postgres;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>The PostgreSQL server of a test class (SYKEFRAVAER_TEST_POSTGRES, or a private throwaway cluster);
/// each test takes a fresh database from it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestPostgres? postgres;

    public TestPostgres Postgres => postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => postgres = await TestPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
