using Sykefravaer.Testing;

namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>One server for the whole suite, chosen by TEMPORAL_TEST_SERVER (see Sykefravaer.Testing).</summary>
public sealed class TemporalServerFixture : IAsyncLifetime
{
    private TemporalTestServer? server;

    /// <summary>Gets the running server.</summary>
    public TemporalTestServer Server => server ?? throw new InvalidOperationException("The Temporal server has not started.");

    /// <inheritdoc/>
    public async Task InitializeAsync() =>
        server = await TemporalTestServer.StartAsync(new() { SearchAttributes = ConformanceSearchAttributes.All });

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
