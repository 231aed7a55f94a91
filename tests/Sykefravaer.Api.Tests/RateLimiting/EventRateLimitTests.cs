using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Testing.Diagnostics;
using Temporalio.Exceptions;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.RateLimiting;

/// <summary>Event submission is limited per upstream system (<c>azp</c>): the event after the limit gets 429 with
/// Retry-After and is neither signalled to Temporal nor recorded, it is counted as refused (<c>rate_limited</c>), and
/// another system's events are accepted meanwhile.</summary>
[Collection(EngineCollection.Name)]
public sealed class EventRateLimitTests(ApiEngine engine)
{
    private const int PermitLimit = 3;

    [Fact]
    public async Task The_event_after_the_limit_is_refused_counted_and_neither_signalled_nor_recorded()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["RateLimits:Events:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["RateLimits:Events:Window"] = "00:01:00";
        await using var api = new ApiFactory(settings, engine.Logs);
        using var measurements = new RecordedMeasurements(api.Services.GetRequiredService<EngineMetrics>().Meter);
        var client = new ApiClient(api.CreateClient());
        var sender = ApiClient.SystemToken("sykmelding-sender");
        var people = Enumerable.Range(0, PermitLimit + 1).Select(_ => TestPeople.NewFnr()).ToArray();
        var ids = people.Select(_ => NewId("sm")).ToArray();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PermitLimit; i++)
        {
            using var accepted = await client.PostEventAsync("sykmelding", Sykmelding(people[i], ids[i], -5, 20), sender);
            statuses.Add(accepted.StatusCode);
        }

        using var refused = await client.PostEventAsync("sykmelding", Sykmelding(people[PermitLimit], ids[PermitLimit], -5, 20), sender);
        using var otherSender = await client.PostEventAsync(
            "sykmelding", Sykmelding(TestPeople.NewFnr(), NewId("sm"), -5, 20), ApiClient.SystemToken("another-sender"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, PermitLimit), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var problem = await ApiClient.ReadAsync(refused);
        Assert.Equal("events", (string?)problem["limit"]);
        Assert.Contains("This event was not recorded", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(people[PermitLimit], problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, otherSender.StatusCode);
        Assert.Contains(engine.Logs.Lines, line => line.Contains("Rate limit events reached by azp:sykmelding-sender", StringComparison.Ordinal));

        // Temporal has a case for each accepted event and none for the refused one; PostgreSQL recorded only those.
        for (var i = 0; i < PermitLimit; i++)
        {
            await engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(people[i])).DescribeAsync();
        }

        var notStarted = await Assert.ThrowsAsync<RpcException>(
            () => engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(people[PermitLimit])).DescribeAsync());
        Assert.Equal(RpcException.StatusCode.NotFound, notStarted.Code);
        Assert.Equal(ids[..PermitLimit].Order(StringComparer.Ordinal), await RecordedIdsAsync(ids));

        // The projection too, once the worker has applied the accepted ones.
        var reads = new ApiClient(engine.Api.CreateClient());
        for (var i = 0; i < PermitLimit; i++)
        {
            await reads.CaseOfAsync(people[i], _ => true, $"the case of accepted event {i}");
        }

        Assert.Empty(await reads.CasesOfAsync(people[PermitLimit]));

        Assert.Equal(1, measurements.Sum("sykefravaer.events.refused", ("type", "sykmelding"), ("reason", "rate_limited")));
        Assert.Equal(PermitLimit + 1, measurements.Sum("sykefravaer.events.accepted", ("type", "sykmelding")));
    }

    private async Task<IReadOnlyList<string>> RecordedIdsAsync(string[] ids)
    {
        await using var command = engine.Database.DataSource.CreateCommand(
            "SELECT event_id FROM accepted_event WHERE event_type = 'sykmelding' AND event_id = ANY($1) ORDER BY event_id COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<string>();
        while (await reader.ReadAsync())
        {
            recorded.Add(reader.GetString(0));
        }

        return recorded;
    }
}
