using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.EndToEnd;

/// <summary>Needs-based follow-up through the whole engine, with new cases under 2027-behov (<c>Cases__RuleSet</c>):
/// the kartlegging answer becomes a flagged task on the work list, closed with the veileder's audited vurdering; the
/// week-39 answer and the møtebehov feedback are accepted as events.</summary>
[Collection(EngineCollection.Name)]
public sealed class NeedsBasedFollowUpTests(ApiEngine engine) : IDisposable
{
    private readonly ApiFactory _behov = BehovApi(engine);

    public void Dispose() => _behov.Dispose();

    [Fact]
    public async Task KARTLEGGING_SVAR_a_risk_answer_is_a_flagged_task_closed_with_an_audited_vurdering()
    {
        var api = new ApiClient(_behov.CreateClient());
        var fnr = TestPeople.NewFnr();
        await AcceptAsync(api, "sykmelding", Sykmelding(fnr, NewId("sm"), -50, 60));
        await api.CaseOfAsync(fnr, c => HasEffect(c, "KARTLEGGING", "NOTICE"), "the week-6 questions");

        await AcceptAsync(api, "kartleggingSvar", new
        {
            id = NewId("ks"), fnr, tilbakeTilJobben = "SANNSYNLIG", samarbeid = "DARLIG", varighet = "UNDER_SEKS_MANEDER",
        });

        var found = await api.CaseOfAsync(fnr, c => HasEffect(c, "KARTLEGGING_SVAR_RISIKO", "TASK"), "the flagged task");
        var caseId = (string)found["caseId"]!;
        var taskId = await TaskIdAsync(api, "KARTLEGGING_SVAR_RISIKO", caseId);

        using var without = await DoneAsync(api, taskId, null);
        using var wrong = await DoneAsync(api, taskId, new { vurdering = "KANSKJE" });
        using var decided = await DoneAsync(api, taskId, new { vurdering = "RISIKO_FOR_LANGTIDSFRAVAR" });

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("RISIKO_FOR_LANGTIDSFRAVAR or IKKE_RISIKO_FOR_LANGTIDSFRAVAR", Error(await ApiClient.ReadAsync(without), "vurdering"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var task = await ApiClient.ReadAsync(decided);
        Assert.Equal(("DONE", "RISIKO_FOR_LANGTIDSFRAVAR"), ((string?)task["status"], (string?)task["vurdering"]));
        Assert.Equal(1, await engine.Database.ScalarAsync(
            "SELECT count(*) FROM audit_trail WHERE action = 'TASK_DONE' AND case_id = $1 AND details->>'vurdering' = 'RISIKO_FOR_LANGTIDSFRAVAR' AND decided_by = 'Z990000'",
            Guid.Parse(caseId)));
    }

    [Fact]
    public async Task A_task_that_takes_no_vurdering_refuses_one()
    {
        var api = new ApiClient(_behov.CreateClient());
        var fnr = TestPeople.NewFnr();
        await AcceptAsync(api, "sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30));
        var found = await api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the week-8 task");
        var taskId = await TaskIdAsync(api, "AKTIVITETSKRAV_VURDERING", (string)found["caseId"]!);

        using var refused = await DoneAsync(api, taskId, new { vurdering = "RISIKO_FOR_LANGTIDSFRAVAR" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("closed without a vurdering", Error(await ApiClient.ReadAsync(refused), "vurdering"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SNART_SLUTT_SVAR_and_MOTEBEHOV_KVITTERING_the_answer_and_the_acknowledgement_reach_the_case()
    {
        var api = new ApiClient(_behov.CreateClient());
        var fnr = TestPeople.NewFnr();
        await AcceptAsync(api, "sykmelding", Sykmelding(fnr, NewId("sm"), -280, 60));
        await api.CaseOfAsync(fnr, c => HasEffect(c, "SNART_SLUTT_SYKEPENGER", "NOTICE"), "the week-39 notice");

        await AcceptAsync(api, "snartSluttSvar", new { id = NewId("ss"), fnr, onskerOppfolging = false });
        await AcceptAsync(api, "motebehov", new { id = NewId("mb"), fnr, fra = "ARBEIDSGIVER", harBehov = true });

        var found = await api.CaseOfAsync(
            fnr,
            c => HasEffect(c, "SNART_SLUTT_SYKEPENGER_ONSKER_IKKE_OPPFOLGING", "TASK") && HasEffect(c, "MOTEBEHOV_KVITTERING", "NOTICE"),
            "the answer's task and the acknowledgement");
        Assert.Contains(found["events"]!.AsArray(), e => (string?)e!["code"] == "SNART_SLUTT_SVAR" && (string?)e["detail"] == "ONSKER_IKKE_OPPFOLGING");
    }

    [Fact]
    public async Task KARTLEGGING_SVAR_an_answer_that_is_not_one_of_the_options_is_refused_naming_the_question()
    {
        var api = new ApiClient(_behov.CreateClient());

        using var response = await api.PostEventAsync("kartleggingSvar", new
        {
            id = NewId("ks"), fnr = TestPeople.NewFnr(), tilbakeTilJobben = "KANSKJE", samarbeid = "GOD", varighet = "UNDER_SEKS_MANEDER",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SANNSYNLIG", Error(await ApiClient.ReadAsync(response), "tilbakeTilJobben"), StringComparison.Ordinal);
    }

    private static ApiFactory BehovApi(ApiEngine engine)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Cases:RuleSet"] = "2027-behov";
        return new ApiFactory(settings, engine.Logs);
    }

    /// <summary>The id of the case's open task of <paramref name="code"/>, once it is on the work list.</summary>
    private static async Task<long> TaskIdAsync(ApiClient api, string code, string caseId)
    {
        var page = await Eventually.MatchAsync(
            () => api.GetAsync($"/api/v1/tasks?code={code}&pageSize=500"),
            p => p["items"]!.AsArray().Any(t => (string?)t!["caseId"] == caseId),
            $"the {code} task on the work list");
        return (long)page["items"]!.AsArray().First(t => (string?)t!["caseId"] == caseId)!["id"]!;
    }

    private static Task<HttpResponseMessage> DoneAsync(ApiClient api, long taskId, object? body) =>
        api.SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", body is null ? null : JsonContent.Create(body), ApiClient.Token("veileder"));

    private static string Error(JsonObject problem, string field) => (string)problem["errors"]![field]![0]!;

    private static async Task AcceptAsync(ApiClient api, string type, object body)
    {
        using var response = await api.PostEventAsync(type, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
