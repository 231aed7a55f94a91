using Sykefravaer.Activities.Effects;
using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Testing.Postgres;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>A case test whose activities write to a fresh PostgreSQL database of its own, as a deployed worker does.</summary>
public abstract class PostgresCaseWorkflowTest(CaseServerFixture server, PostgresFixture postgres)
    : CaseWorkflowTest(server), IClassFixture<PostgresFixture>
{
    private TestPostgresDatabase? database;

    protected TestPostgresDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected sealed override async Task<ICaseEffects> OpenEffectsAsync()
    {
        database = await postgres.Postgres.CreateDatabaseAsync();
        return Around(await PostgresCaseEffects.OpenAsync(database.DataSource));
    }

    /// <summary>What the worker's activities write through: the database's store itself unless a test wraps it.</summary>
    protected virtual ICaseEffects Around(PostgresCaseEffects store) => store;
}
