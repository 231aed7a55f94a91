using System.Net;
using System.Text.RegularExpressions;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Api.Tests.Restart;

/// <summary>The one-command engine as a newcomer runs it answers the NAIS probes and serves both kinds of metrics on
/// its one port: the worker inside it fires milestones, and /metrics shows them by code beside Temporal's own.</summary>
public sealed partial class EngineOperationsTests
{
    [Fact]
    public async Task The_one_command_engine_answers_its_probes_and_serves_engine_and_temporal_metrics()
    {
        await using var engine = EngineProcess.Create();
        await engine.StartAsync();
        var today = NorwegianTime.DateOf(DateTimeOffset.UtcNow);
        var fnr = TestPeople.NewFnr();

        // 70 days back: the milestones up to week 8 are due at once.
        using (var accepted = await engine.Api.PostEventAsync("sykmelding", new
        {
            id = "sm-ops-1", fnr, fom = EngineProcess.Date(today.AddDays(-70)), tom = EngineProcess.Date(today.AddDays(20)), grad = 100, orgnr = TestPeople.Orgnr,
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var ready = await engine.Api.Http.GetAsync(new Uri("/internal/isready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var metrics = await Eventually.MatchAsync(
            () => engine.Api.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            m => MilestoneFired().IsMatch(m) && PollerMetric().IsMatch(m),
            "/metrics to show a milestone fired and the worker's pollers");

        Assert.Matches(MilestoneFired(), metrics);
        Assert.Contains("sykefravaer_events_accepted_total{", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(fnr, metrics, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?m)^sykefravaer_milestones_fired_total\\{[^}]*code=\"AKTIVITETSKRAV_INFO\"[^}]*\\} 1")]
    private static partial Regex MilestoneFired();

    [GeneratedRegex("(?m)^temporal_(num_pollers|worker_task_slots_available)\\{[^}]*\\} [0-9]")]
    private static partial Regex PollerMetric();
}
