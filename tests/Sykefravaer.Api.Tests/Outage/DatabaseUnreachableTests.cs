using System.Net;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Testing;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Outage;

/// <summary>With PostgreSQL out of reach, reads answer 503 with Retry-After (the caller retries), never a 500, and an
/// event is refused with 503 before anything is signalled.</summary>
[Collection(EngineCollection.Name)]
public sealed class DatabaseUnreachableTests(ApiEngine engine)
{
    [Fact]
    public async Task Reads_and_events_answer_503_and_nothing_is_signalled()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["ConnectionStrings:Sykefravaer"] = $"Host=127.0.0.1;Port={LoopbackPorts.Free()};Username=x;Password=x;Timeout=2";
        settings["Api:MigrateDatabase"] = "false";
        await using var api = new ApiFactory(settings, engine.Logs);
        var client = new ApiClient(api.CreateClient());
        var fnr = TestPeople.NewFnr();

        using var tasks = await client.SendAsync(HttpMethod.Get, "/api/v1/tasks", null, ApiClient.Token(ApiRoles.Veileder));
        using var cases = await client.SendAsync(
            HttpMethod.Post, "/api/v1/cases/search", System.Net.Http.Json.JsonContent.Create(new { fnr }), ApiClient.Token(ApiRoles.Veileder));
        using var submitted = await client.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 5));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tasks.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, cases.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submitted.StatusCode);
        Assert.NotNull(tasks.Headers.RetryAfter?.Delta);
        await Assert.ThrowsAsync<Temporalio.Exceptions.RpcException>(
            () => engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr)).DescribeAsync());
    }
}
