using Sykefravaer.Testing;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>One Temporal server for the whole suite, chosen by TEMPORAL_TEST_SERVER (see Sykefravaer.Testing);
/// by default the repository's offline server with time skipping.</summary>
public sealed class CaseServerFixture : IAsyncLifetime
{
    private TemporalTestServer? server;

    public TemporalTestServer Server => server ?? throw new InvalidOperationException("The Temporal server has not started.");

    public async Task InitializeAsync() => server = await TemporalTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
