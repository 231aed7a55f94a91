using Sykefravaer.Testing.Postgres;
namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Base of tests that need the schema: a fresh, migrated database and the activities over it, per test.</summary>
[Collection(PostgresCollection.Name)]
public abstract class DatabaseTest(PostgresServer server) : IAsyncLifetime
{
    private TestPostgresDatabase? database;
    private CaseActivities? activities;

    protected TestPostgresDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    protected CaseActivities Activities => activities ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        database = await server.CreateDatabaseAsync();
        activities = await database.MigratedActivitiesAsync();
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected Task<long> CountAsync(string table, Guid caseId) =>
        Database.ScalarAsync($"SELECT count(*) FROM {Tables.Checked(table)} WHERE case_id = $1", caseId);
}
