namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// Every case test shares one server and runs one at a time: a time-skipping server has one clock, and a test that
/// sleeps through a year would otherwise fire another test's timers in the middle of its assertions.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CaseServerCollection : ICollectionFixture<CaseServerFixture>
{
    public const string Name = "Case workflow on a Temporal server";
}
