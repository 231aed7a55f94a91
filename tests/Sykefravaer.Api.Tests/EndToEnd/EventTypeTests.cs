using System.Net;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.Dates;

namespace Sykefravaer.Api.Tests.EndToEnd;

/// <summary>Every event type through the whole engine: HTTP → Temporal → worker → PostgreSQL → HTTP reads.</summary>
[Collection(EngineCollection.Name)]
public sealed class EventTypeTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task A_sykmelding_starts_a_case_whose_passed_milestones_fire_and_whose_task_reaches_the_work_list()
    {
        var fnr = TestPeople.NewFnr();
        var smId = NewId("sm");

        using var response = await _api.PostEventAsync("sykmelding", Sykmelding(fnr, smId, -70, 30));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await ApiClient.ReadAsync(response);
        Assert.Equal("sykmelding", (string?)receipt["type"]);
        Assert.Equal(smId, (string?)receipt["id"]);
        Assert.Equal("ACCEPTED", (string?)receipt["status"]);

        var found = await _api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING"), "the week-8 task");
        Assert.Equal(Day(-70), (string?)found["state"]!["start"]);
        Assert.Equal(Day(30), (string?)found["state"]!["end"]);
        Assert.Equal("OPEN", (string?)found["state"]!["outcome"]);
        Assert.Equal("FIRED", Milestone(found, "AKTIVITETSKRAV_VURDERING"));
        Assert.Equal("FIRED", Milestone(found, "AKTIVITETSKRAV_INFO"));
        Assert.True(HasEffect(found, "AKTIVITETSKRAV_INFO", "NOTICE"));

        var caseId = (string)found["caseId"]!;
        var byId = await _api.GetAsync($"/api/v1/cases/{caseId}");
        Assert.Equal((long)found["version"]!, (long)byId["version"]!);
        Assert.Equal(engine.Pseudonym.Of(Domain.Input.Fodselsnummer.Parse(fnr)), (string?)byId["personRef"]);

        var tasks = await _api.GetAsync("/api/v1/tasks?code=AKTIVITETSKRAV_VURDERING&pageSize=500");
        Assert.Contains(tasks["items"]!.AsArray(), t => (string?)t!["caseId"] == caseId);
    }

    [Fact]
    public async Task A_corrected_sykmelding_moves_the_end_and_a_withdrawn_one_is_taken_away()
    {
        var fnr = TestPeople.NewFnr();
        var first = NewId("sm");
        await AcceptAsync("sykmelding", Sykmelding(fnr, first, -10, 10));
        await _api.CaseOfAsync(fnr, c => End(c) == Day(10), "the first sykmelding");

        await AcceptAsync("sykmeldingKorrigert", new
        {
            id = NewId("korr"), fnr, sykmeldingId = first, fom = Day(-10), tom = Day(20), grad = 100, orgnr = TestPeople.Orgnr,
        });
        await _api.CaseOfAsync(fnr, c => End(c) == Day(20), "the corrected end");

        var second = NewId("sm");
        await AcceptAsync("sykmelding", Sykmelding(fnr, second, 21, 30));
        await _api.CaseOfAsync(fnr, c => End(c) == Day(30), "the extension");

        await AcceptAsync("sykmeldingAvbrutt", new { id = NewId("avbr"), fnr, sykmeldingId = second });
        await _api.CaseOfAsync(fnr, c => End(c) == Day(20), "the withdrawal");
    }

    [Fact]
    public async Task A_friskmelding_makes_the_day_before_the_last_sick_day()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -10, 10));
        await AcceptAsync("friskmelding", new { id = NewId("frisk"), fnr, dato = Day(-2) });

        await _api.CaseOfAsync(fnr, c => End(c) == Day(-3), "the friskmelding");
    }

    [Fact]
    public async Task An_oppfolgingsplan_and_a_dialogmote_satisfy_their_milestones()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 60));
        await AcceptAsync("oppfolgingsplanDelt", new { id = NewId("plan"), fnr, mottaker = "SYKMELDER" });
        await AcceptAsync("dialogmote", new { id = NewId("dm"), fnr, motetype = 1, status = "AVHOLDT", dato = Day(0) });

        var found = await _api.CaseOfAsync(
            fnr,
            c => Milestone(c, "OPPFOLGINGSPLAN_FRIST") == "SATISFIED" && Milestone(c, "DIALOGMOTE1_FRIST") == "SATISFIED",
            "both milestones satisfied");
        Assert.Equal("OPEN", (string?)found["state"]!["outcome"]);
    }

    [Fact]
    public async Task A_motebehov_with_a_need_creates_a_veileder_task_at_once()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 30));
        await AcceptAsync("motebehov", new { id = NewId("mb"), fnr, fra = "ARBEIDSTAKER", harBehov = true });

        var found = await _api.CaseOfAsync(fnr, c => HasEffect(c, "MOTEBEHOV", "TASK"), "the møtebehov task");
        var tasks = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500");
        Assert.Contains(tasks["items"]!.AsArray(), t => (string?)t!["caseId"] == (string?)found["caseId"]);
    }

    [Fact]
    public async Task Ikke_oppfylt_sends_the_forhandsvarsel_and_after_a_reply_a_second_ikke_oppfylt_asks_to_vurder_stans()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30));
        await _api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING"), "the week-8 task");

        await AcceptAsync("aktivitetskravVurdering", new { id = NewId("vurd"), fnr, utfall = "IKKE_OPPFYLT", arsak = "Ingen aktivitet" });
        await _api.CaseOfAsync(fnr, c => HasEffect(c, "FORHANDSVARSEL", "NOTICE"), "the forhåndsvarsel");

        await AcceptAsync("forhandsvarselSvar", new { id = NewId("svar"), fnr });
        await AcceptAsync("aktivitetskravVurdering", new { id = NewId("vurd"), fnr, utfall = "IKKE_OPPFYLT", arsak = "Fortsatt ingen aktivitet" });

        await _api.CaseOfAsync(fnr, c => HasEffect(c, "VURDER_STANS", "TASK"), "the vurder stans task");
    }

    [Fact]
    public async Task Friskmelding_til_arbeidsformidling_ends_the_sick_days_the_day_before_it_starts()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -20, 20));
        await AcceptAsync("friskmeldingTilArbeidsformidling", new { id = NewId("fta"), fnr, fom = Day(0), tom = Day(30) });

        await _api.CaseOfAsync(fnr, c => End(c) == Day(-1), "the arbeidsformidling");
    }

    [Fact]
    public async Task A_death_closes_the_case()
    {
        var fnr = TestPeople.NewFnr();
        await AcceptAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -20, 20));
        await AcceptAsync("dodsfall", new { id = NewId("dod"), fnr, dato = Day(0) });

        var found = await _api.CaseOfAsync(fnr, c => (string?)c["state"]!["outcome"] == "DOD", "the closing");
        Assert.Equal(Day(0), (string?)found["state"]!["closed"]);
    }

    internal static object Sykmelding(string fnr, string id, int fomOffset, int tomOffset, int grad = 100) =>
        new { id, fnr, fom = Day(fomOffset), tom = Day(tomOffset), grad, orgnr = TestPeople.Orgnr };

    internal static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    internal static string? End(JsonObject found) => (string?)found["state"]!["end"];

    internal static string? Milestone(JsonObject found, string code) =>
        (string?)found["milestones"]!.AsArray().FirstOrDefault(m => (string?)m!["code"] == code)?["result"];

    internal static bool HasEffect(JsonObject found, string code, string? kind = null) =>
        found["timeline"]!.AsArray().Any(e => (string?)e!["code"] == code && (kind is null || (string?)e["kind"] == kind));

    private async Task AcceptAsync(string type, object body)
    {
        using var response = await _api.PostEventAsync(type, body);
        Assert.True(
            response.StatusCode == HttpStatusCode.Accepted,
            $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
