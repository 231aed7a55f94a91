using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Input;
using Sykefravaer.Persistence.Postgres.Reconciliation;
using Sykefravaer.Testing;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Operations;

/// <summary>What NAV's platform reads from the API without a token: the NAIS probes and <c>/metrics</c> in Prometheus
/// format, with the engine's own figures and Temporal's, and never a person in them.</summary>
[Collection(EngineCollection.Name)]
public sealed partial class OperationsEndpointTests(ApiEngine engine) : IAsyncLifetime
{
    private ApiFactory? _api;

    private ApiClient Api => new(_api!.CreateClient());

    public Task InitializeAsync()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Telemetry:GaugeInterval"] = "00:00:00.200"; // the stored counts, read again five times a second
        _api = new ApiFactory(settings, engine.Logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api!.DisposeAsync();

    [Fact]
    public async Task The_probes_answer_without_a_token_alive_and_ready_when_postgres_and_temporal_answer()
    {
        using var alive = await Api.Http.GetAsync("/internal/isalive");
        using var ready = await Api.Http.GetAsync("/internal/isready");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(
            """{"status":"Healthy","checks":{"postgresql":"Healthy","temporal":"Healthy"}}""",
            await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_ready_while_temporal_is_out_of_reach_and_the_answer_says_which()
    {
        await using var api = new ApiFactory(engine.SettingsFor($"127.0.0.1:{LoopbackPorts.Free()}"), engine.Logs);
        using var client = api.CreateClient();

        using var alive = await client.GetAsync("/internal/isalive");
        using var ready = await client.GetAsync("/internal/isready");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode); // alive: restarting it would not bring Temporal back
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Contains("\"postgresql\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"temporal\":\"Temporal did not answer", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_accepted_and_refused_events_by_type_and_reason_and_serve_temporal_s_own()
    {
        var before = await MetricsAsync();
        var fnr = TestPeople.NewFnr();

        using (await Api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 20)))
        using (await Api.PostEventAsync("motebehov", new { id = NewId("mb"), fnr, fra = "NOBODY", harBehov = true }))
        using (await Api.PostRawEventAsync("motebehov", "not json", contentType: "text/plain"))
        {
        }

        var after = await MetricsAsync();
        Assert.Equal(1, Value(after, "sykefravaer_events_accepted_total", "type=\"sykmelding\"") - Value(before, "sykefravaer_events_accepted_total", "type=\"sykmelding\""));
        Assert.Equal(1, Value(after, "sykefravaer_events_refused_total", "reason=\"invalid\"", "type=\"motebehov\"") - Value(before, "sykefravaer_events_refused_total", "reason=\"invalid\"", "type=\"motebehov\""));
        // Not JSON is refused by routing before the endpoint runs: ASP.NET Core's request metric counts it.
        Assert.Matches(Series("http_server_request_duration_seconds_count", "http_response_status_code=\"415\""), after);
        // Core's own, through the same endpoint: the API's client calls to Temporal.
        Assert.Matches(TemporalRequest(), after);
        Assert.DoesNotContain(fnr, after, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Pseudonym.Of(Fodselsnummer.Parse(fnr)), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_show_cases_needing_attention_by_reason_notices_by_status_and_open_tasks_by_code()
    {
        var fnr = TestPeople.NewFnr();
        using (await Api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30)))
        {
        }

        var found = await Api.CaseOfAsync(fnr, c => c["caseId"] is not null, "the case");
        var caseId = Guid.Parse((string)found["caseId"]!, CultureInfo.InvariantCulture);
        // A second host in this process, which read the counts once at its start and not again for an hour: each
        // host exports its own figures, never the other's (OpenTelemetry listens to meters by name, process-wide).
        var slowSettings = engine.SettingsFor(engine.TemporalAddress);
        slowSettings["Telemetry:GaugeInterval"] = "01:00:00";
        await using var slowHost = new ApiFactory(slowSettings, engine.Logs);
        var slow = new ApiClient(slowHost.CreateClient());
        var slowBefore = Value(
            await Eventually.MatchAsync(() => MetricsAsync(slow), m => m.Contains("sykefravaer_cases_needing_attention{", StringComparison.Ordinal), "the slow host's first read"),
            "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\"");
        var attentionBefore = Value(
            await Eventually.MatchAsync(MetricsAsync, m => Value(m, "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\"") >= slowBefore, "this host's read after the slow host's"),
            "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\"");

        // As the reconciliation sweep marks a case whose workflow is gone.
        Assert.True(await new CaseAttention(engine.Database.DataSource).MarkAsync(caseId, "WORKFLOW_NOT_FOUND", CancellationToken.None));

        var metrics = await Eventually.MatchAsync(
            MetricsAsync,
            m => Value(m, "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\"") > attentionBefore,
            "the attention gauge to count the marked case");
        // Other tests may mark cases meanwhile; none in this suite unmarks one, so the count moved by one at least.
        Assert.True(Value(metrics, "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\"") >= attentionBefore + 1);
        Assert.Equal(slowBefore, Value(await MetricsAsync(slow), "sykefravaer_cases_needing_attention", "reason=\"WORKFLOW_NOT_FOUND\""));
        // The states an alert is written against are there even when nothing is in them.
        Assert.Matches(Series("sykefravaer_notices", "status=\"FAILED\""), metrics);
        Assert.Matches(Series("sykefravaer_cases_needing_attention", "reason=\"ACTIVITY_FAILED\""), metrics);
        Assert.True(Value(metrics, "sykefravaer_notices", "status=\"PENDING\"") >= 1); // the week-4 notice at least
        Assert.True(Value(metrics, "sykefravaer_cases", "outcome=\"OPEN\"") >= 1);
        Assert.True(Value(metrics, "sykefravaer_oldest_pending_notice_seconds") >= 0);
        Assert.DoesNotContain(caseId.ToString(), metrics, StringComparison.OrdinalIgnoreCase);
    }

    private Task<string> MetricsAsync() => MetricsAsync(Api);

    private static async Task<string> MetricsAsync(ApiClient api)
    {
        using var response = await api.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the one series of <paramref name="metric"/> whose labels include every one given; 0 when
    /// there is none yet (a counter not yet incremented).</summary>
    private static double Value(string metrics, string metric, params string[] labels)
    {
        var values = metrics.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(values.Count <= 1, $"{metric} {string.Join(',', labels)} matches {values.Count} series");
        return values.SingleOrDefault();
    }

    private static Regex Series(string metric, string label) =>
        new($"(?m)^{Regex.Escape(metric)}\\{{[^}}]*{Regex.Escape(label)}[^}}]*\\}} [0-9]");

    [GeneratedRegex("(?m)^temporal_request(_total)?\\{[^}]*\\} [0-9]")]
    private static partial Regex TemporalRequest();
}
