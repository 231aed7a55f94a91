namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>
/// Every conformance test shares one server and runs one at a time: a time-skipping server has one clock, and a
/// test that lets it skip ahead would otherwise fire another test's timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TemporalServerCollection : ICollectionFixture<TemporalServerFixture>
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Temporal server";
}
