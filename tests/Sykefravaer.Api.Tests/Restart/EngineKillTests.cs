using System.Net;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Api.Tests.Restart;

/// <summary>
/// A case is a promise kept for up to a year: the one-command engine, killed with SIGKILL (its whole process tree)
/// while events are coming in and started again, several times, keeps every case under its one id, fires each
/// milestone once, and writes no task twice. Upstream systems resend whatever was not answered, and some of what
/// was, as they do.
/// </summary>
public sealed class EngineKillTests
{
    private const int People = 8;

    [Fact]
    public async Task The_engine_killed_mid_load_keeps_every_case_once_and_writes_no_task_twice()
    {
        await using var engine = EngineProcess.Create();
        var today = NorwegianTime.DateOf(DateTimeOffset.UtcNow);
        var people = Enumerable.Range(0, People).Select(i => (Index: i, Fnr: TestPeople.NewFnr(), HasEmployer: i % 2 == 0)).ToList();

        // Round 1 starts every case 70 days back, so the milestones up to week 8 are due at once (T6); round 2
        // brings a møtebehov with a need (a task at once); round 3 a sykmelding that continues the tilfelle (T1).
        var rounds = new List<IReadOnlyList<(string Type, object Body)>>
        {
            people.Select(p => ("sykmelding", Sykmelding(p.Fnr, $"sm-{p.Index}-1", today.AddDays(-70), today.AddDays(20), p.HasEmployer))).ToList(),
            people.Select(p => ("motebehov", (object)new { id = $"mb-{p.Index}", fnr = p.Fnr, fra = "ARBEIDSTAKER", harBehov = true })).ToList(),
            people.Select(p => ("sykmelding", Sykmelding(p.Fnr, $"sm-{p.Index}-2", today.AddDays(21), today.AddDays(40), p.HasEmployer))).ToList(),
        };

        var caseIds = new Dictionary<string, string>();
        var sent = new List<(string Type, object Body)>();
        foreach (var round in rounds)
        {
            await engine.StartAsync();
            // Kill while the round is in flight: some events are answered, some are cut off.
            var inFlight = Task.WhenAll(round.Select(e => TrySendAsync(engine.Api, e.Type, e.Body)));
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            await engine.KillAsync();
            await inFlight;

            await engine.StartAsync();
            sent.AddRange(round);
            // Every event of this round and every earlier one again: the unanswered ones for the first time as far as
            // the engine knows, the rest as the redeliveries an upstream system makes.
            foreach (var (type, body) in sent)
            {
                using var response = await engine.Api.PostEventAsync(type, body);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
            foreach (var person in people)
            {
                var only = await engine.Api.CaseOfAsync(person.Fnr, c => c["caseId"] is not null, "the person's case");
                var caseId = only["caseId"]!.GetValue<string>();
                Assert.Equal(caseIds.GetValueOrDefault(person.Fnr, caseId), caseId);
                caseIds[person.Fnr] = caseId;
            }
            await engine.KillAsync();
        }

        await engine.StartAsync();
        foreach (var person in people)
        {
            var shown = await engine.Api.CaseOfAsync(
                person.Fnr,
                c => c["state"]!["end"]!.GetValue<string>() == EngineProcess.Date(today.AddDays(40))
                    && Fired(c, "AKTIVITETSKRAV_VURDERING") is not null,
                "the continued case with its week-8 milestone fired");
            Assert.Equal(caseIds[person.Fnr], shown["caseId"]!.GetValue<string>());
            Assert.Equal(EngineProcess.Date(today.AddDays(-70)), shown["state"]!["start"]!.GetValue<string>());
            Assert.Equal("OPEN", shown["state"]!["outcome"]!.GetValue<string>());
        }

        var tasks = await OpenTasksAsync(engine.Api);
        var byPersonAndCode = tasks.GroupBy(t => (Case: t["caseId"]!.GetValue<string>(), Code: t["code"]!.GetValue<string>())).ToList();
        Assert.All(byPersonAndCode, group => Assert.Single(group));
        foreach (var person in people)
        {
            var codes = tasks.Where(t => t["caseId"]!.GetValue<string>() == caseIds[person.Fnr]).Select(t => t["code"]!.GetValue<string>()).Order().ToList();
            var expected = person.HasEmployer
                ? new[] { "AKTIVITETSKRAV_VURDERING", "MOTEBEHOV" }
                : ["AKTIVITETSKRAV_VURDERING", "MOTEBEHOV", "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER"];
            Assert.Equal(expected, codes);
        }
    }

    private static object Sykmelding(string fnr, string id, DateOnly fom, DateOnly tom, bool hasEmployer) => hasEmployer
        ? new { id, fnr, fom = EngineProcess.Date(fom), tom = EngineProcess.Date(tom), grad = 100, orgnr = TestPeople.Orgnr }
        : new { id, fnr, fom = EngineProcess.Date(fom), tom = EngineProcess.Date(tom), grad = 100 };

    private static string? Fired(JsonObject shownCase, string code) =>
        shownCase["milestones"]!.AsArray().Select(m => m!.AsObject())
            .FirstOrDefault(m => m["code"]!.GetValue<string>() == code)?["firedOn"]?.GetValue<string>();

    private static async Task TrySendAsync(ApiClient api, string type, object body)
    {
        try
        {
            using var response = await api.PostEventAsync(type, body);
        }
        catch (HttpRequestException)
        {
            // Cut off by the kill; sent again after the restart.
        }
        catch (TaskCanceledException)
        {
            // Timed out against a dead engine; sent again after the restart.
        }
    }

    private static async Task<List<JsonObject>> OpenTasksAsync(ApiClient api)
    {
        var page = await api.GetAsync("/api/v1/tasks?pageSize=200", ApiClient.Token(ApiRoles.Veileder));
        return page["items"]!.AsArray().Select(t => t!.AsObject()).ToList();
    }
}
