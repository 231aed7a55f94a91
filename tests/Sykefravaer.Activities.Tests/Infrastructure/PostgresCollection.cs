namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Every database test shares one server (starting a cluster takes seconds); each test has its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
