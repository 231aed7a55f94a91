using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Hosting;
using Sykefravaer.Hosting.Tracing;
using Sykefravaer.Workflows.DataConversion;
using Sykefravaer.Workflows.Replay;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Operations;

/// <summary>One trace follows an event through the engine as deployed (the API, and a worker hosted as the worker
/// process hosts it): the HTTP request, the signal-with-start it sends, the workflow's handling of the signal, the
/// activity and its PostgreSQL statements, each the child of the one before. Replaying the case makes no span.</summary>
[Collection(EngineCollection.Name)]
public sealed class TracingTests(ApiEngine engine)
{
    [Fact]
    public async Task One_trace_follows_an_event_from_the_HTTP_request_to_the_rows_it_wrote_and_replay_makes_no_span()
    {
        var spans = new ExportedSpans();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. EngineTracing.SourceNames])
            .AddAspNetCoreInstrumentation()
            .AddNpgsql()
            .AddInMemoryExporter(spans)
            .Build();
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Temporal:TaskQueue"] = $"tracing-{Guid.NewGuid():N}";
        // The notices stay in the outbox: this test follows the event to the rows, not to a receiver.
        settings["Outbox:Enabled"] = "false";
        using var worker = await StartWorkerAsync(settings);
        try
        {
            await FollowOneEventAsync(engine, settings, spans);
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task FollowOneEventAsync(ApiEngine engine, Dictionary<string, string?> settings, ExportedSpans spans)
    {
        await using var factory = new ApiFactory(settings, engine.Logs);
        var api = new ApiClient(factory.CreateClient());

        var fnr = TestPeople.NewFnr();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events/sykmelding")
        {
            Content = JsonContent.Create(Sykmelding(fnr, NewId("sm"), -70, 30)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiClient.Token(ApiRoles.EventsWrite));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using (var accepted = await api.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the week-8 task");
        var trace = await Eventually.MatchAsync(
            () => Task.FromResult(spans.Snapshot().Where(span => span.TraceId == traceId).ToList()),
            found => found.Any(span => span.Source.Name == "Npgsql" && Statement(span).Contains("veileder_task", StringComparison.Ordinal)),
            "the task's INSERT in the event's trace");

        var http = Assert.Single(trace, span => span.Kind == ActivityKind.Server && span.Source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var signal = Assert.Single(trace, span => span.DisplayName == "SignalWithStartWorkflow:Oppfolgingstilfelle");
        var handled = Assert.Single(trace, span => span.DisplayName.StartsWith("HandleSignal:", StringComparison.Ordinal));
        var insert = trace.First(span => span.Source.Name == "Npgsql" && Statement(span).Contains("veileder_task", StringComparison.Ordinal));
        Assert.Equal(http.SpanId, signal.ParentSpanId);
        Assert.Equal(signal.SpanId, handled.ParentSpanId);
        var run = Parent(trace, insert);
        Assert.StartsWith("RunActivity:", run.DisplayName, StringComparison.Ordinal);
        var scheduled = Parent(trace, run);
        Assert.StartsWith("StartActivity:", scheduled.DisplayName, StringComparison.Ordinal);
        Assert.Contains(handled, Ancestors(trace, scheduled));
        Assert.All(trace, span => Assert.DoesNotContain(fnr, string.Join(" ", span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")), StringComparison.Ordinal));

        // The live worker may still be finishing a workflow task of this case (its spans end a moment after the
        // rows are written): count once its spans have stopped coming, so that only a replay could add one.
        var workflowSpans = await SettledCountAsync(() => spans.Snapshot().Count(span => span.Source == EngineTracing.Workflows));
        var history = await engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr)).FetchHistoryAsync();
        var replayed = await CaseReplayer.Create(CaseDataConverter.With(ApiFactory.KeyRing), new TracingInterceptor()).ReplayWorkflowAsync(history);
        Assert.Null(replayed.ReplayFailure);
        Assert.Equal(workflowSpans, spans.Snapshot().Count(span => span.Source == EngineTracing.Workflows));
    }

    private static async Task<int> SettledCountAsync(Func<int> count)
    {
        var last = count();
        for (var unchanged = 0; unchanged < 5; await Task.Delay(200))
        {
            var now = count();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }

        return last;
    }

    private static async Task<IHost> StartWorkerAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings["ConnectionStrings:Sykefravaer"]!));
        builder.Services.AddCaseWorker(EngineSettings.From(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string Statement(Activity span) =>
        string.Join(" ", span.TagObjects.Where(tag => tag.Key.StartsWith("db.", StringComparison.Ordinal)).Select(tag => tag.Value));

    private static Activity Parent(IReadOnlyList<Activity> trace, Activity span) =>
        Assert.Single(trace, candidate => candidate.SpanId == span.ParentSpanId);

    private static IEnumerable<Activity> Ancestors(IReadOnlyList<Activity> trace, Activity span)
    {
        for (var parent = trace.FirstOrDefault(c => c.SpanId == span.ParentSpanId); parent is not null; parent = trace.FirstOrDefault(c => c.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }

    /// <summary>What the in-memory exporter exported, readable while it still exports (spans end on many threads).</summary>
    private sealed class ExportedSpans : Collection<Activity>
    {
        private readonly Lock _lock = new();

        public List<Activity> Snapshot()
        {
            lock (_lock)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
