using Sykefravaer.Persistence.Postgres;
using Sykefravaer.Persistence.Postgres.Migrations;
using Sykefravaer.Testing.Postgres;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>The schema on a test's own database, as a worker applies it at start-up.</summary>
internal static class TestDatabase
{
    /// <summary>Applies the schema and returns the activities over it.</summary>
    public static async Task<CaseActivities> MigratedActivitiesAsync(this TestPostgresDatabase database) =>
        new(await PostgresCaseEffects.OpenAsync(database.DataSource));

    public static Task<IReadOnlyList<Migration>> MigrateAsync(this TestPostgresDatabase database) =>
        SchemaMigrator.MigrateAsync(database.DataSource);
}
