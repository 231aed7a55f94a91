using System.Net;
using System.Net.Sockets;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Outage;

/// <summary>With Temporal out of reach, events get 503 with Retry-After and nothing is written anywhere; reads,
/// which come from PostgreSQL, keep working.</summary>
[Collection(EngineCollection.Name)]
public sealed class TemporalUnreachableTests(ApiEngine engine)
{
    [Fact]
    public async Task An_event_is_refused_with_503_and_retry_after_and_nothing_is_written()
    {
        await using var api = new ApiFactory(engine.SettingsFor($"127.0.0.1:{ClosedPort()}"), engine.Logs);
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();
        var before = await engine.Database.ScalarAsync("SELECT count(*) FROM accepted_event");

        using var response = await client.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 5));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(before, await engine.Database.ScalarAsync("SELECT count(*) FROM accepted_event"));
        Assert.Empty(await client.CasesOfAsync(fnr));
        await Assert.ThrowsAsync<Temporalio.Exceptions.RpcException>(
            () => engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr)).DescribeAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }
}
