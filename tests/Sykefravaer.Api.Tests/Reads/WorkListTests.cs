using System.Net;
using Sykefravaer.Api.Tests.EndToEnd;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Reads;

/// <summary>The veileder work list: filters, paging, and marking a task done (idempotently, audited once).</summary>
[Collection(EngineCollection.Name)]
public sealed class WorkListTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task Open_tasks_are_filtered_by_code_and_due_date_and_paged()
    {
        var fnr = TestPeople.NewFnr();
        using (await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -70, 30)))
        {
        }

        var found = await _api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the week-8 task");
        var caseId = (string?)found["caseId"];
        var today = Dates.Day(0);

        var dueToday = await _api.GetAsync($"/api/v1/tasks?code=AKTIVITETSKRAV_VURDERING&dueFrom={today}&dueTo={today}&pageSize=500");
        var otherCode = await _api.GetAsync("/api/v1/tasks?code=VURDER_STANS&pageSize=500");
        var dueEarlier = await _api.GetAsync($"/api/v1/tasks?dueTo={Dates.Day(-1)}&pageSize=500");
        var firstPage = await _api.GetAsync("/api/v1/tasks?pageSize=1");

        Assert.Contains(dueToday["items"]!.AsArray(), t => (string?)t!["caseId"] == caseId);
        Assert.DoesNotContain(otherCode["items"]!.AsArray(), t => (string?)t!["caseId"] == caseId);
        Assert.DoesNotContain(dueEarlier["items"]!.AsArray(), t => (string?)t!["caseId"] == caseId);
        Assert.Single(firstPage["items"]!.AsArray());
        Assert.Equal(1, (int)firstPage["pageSize"]!);
    }

    [Fact]
    public async Task Open_tasks_are_filtered_by_the_virksomhet_the_person_is_sykmeldt_from()
    {
        const string OtherOrgnr = "987654325";
        var atOther = TestPeople.NewFnr();
        var atUsual = TestPeople.NewFnr();
        using (await _api.PostEventAsync("sykmelding", new { id = NewId("sm"), fnr = atOther, fom = Dates.Day(-70), tom = Dates.Day(30), grad = 100, orgnr = OtherOrgnr }))
        using (await _api.PostEventAsync("sykmelding", Sykmelding(atUsual, NewId("sm"), -70, 30)))
        {
        }

        var other = (string?)(await _api.CaseOfAsync(atOther, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the week-8 task"))["caseId"];
        var usual = (string?)(await _api.CaseOfAsync(atUsual, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the week-8 task"))["caseId"];

        var page = await Eventually.MatchAsync(
            () => _api.GetAsync($"/api/v1/tasks?orgnr={OtherOrgnr}&pageSize=500"),
            p => p["items"]!.AsArray().Any(t => (string?)t!["caseId"] == other),
            "the other virksomhet's task");
        Assert.DoesNotContain(page["items"]!.AsArray(), t => (string?)t!["caseId"] == usual);
        Assert.All(page["items"]!.AsArray(), t => Assert.Equal(other, (string?)t!["caseId"]));

        using var bad = await _api.SendAsync(HttpMethod.Get, "/api/v1/tasks?orgnr=12345", null, ApiClient.Token("veileder"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("9 digits", (string?)(await ApiClient.ReadAsync(bad))["errors"]!["orgnr"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_task_done_twice_answers_the_same_and_audits_once()
    {
        var fnr = TestPeople.NewFnr();
        using (await _api.PostEventAsync("sykmelding", Sykmelding(fnr, NewId("sm"), -5, 30)))
        using (await _api.PostEventAsync("motebehov", new { id = NewId("mb"), fnr, fra = "SYKMELDER", harBehov = true }))
        {
        }

        var found = await _api.CaseOfAsync(fnr, c => HasEffect(c, "MOTEBEHOV", "TASK"), "the møtebehov task");
        var caseId = (string?)found["caseId"];
        var open = await Eventually.MatchAsync(
            () => _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500"),
            page => page["items"]!.AsArray().Any(t => (string?)t!["caseId"] == caseId),
            "the task on the work list");
        var taskId = (long)open["items"]!.AsArray().First(t => (string?)t!["caseId"] == caseId)!["id"]!;

        using var once = await _api.SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", null, ApiClient.Token("veileder"));
        using var twice = await _api.SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", null, ApiClient.Token("veileder"));

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(await once.Content.ReadAsStringAsync(), await twice.Content.ReadAsStringAsync());
        var task = await ApiClient.ReadAsync(twice);
        Assert.Equal("DONE", (string?)task["status"]);
        Assert.Equal("Z990000", (string?)task["doneBy"]);
        var stillOpen = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500");
        Assert.DoesNotContain(stillOpen["items"]!.AsArray(), t => (long)t!["id"]! == taskId);
        Assert.Equal(1, await engine.Database.ScalarAsync(
            "SELECT count(*) FROM audit_trail WHERE action = 'TASK_DONE' AND case_id = $1", Guid.Parse(caseId!)));
    }

    [Fact]
    public async Task Unknown_tasks_and_cases_are_404_and_bad_paging_is_400()
    {
        using var task = await _api.SendAsync(HttpMethod.Post, "/api/v1/tasks/999999999/done", null, ApiClient.Token("veileder"));
        using var found = await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{Guid.NewGuid()}", null, ApiClient.Token("veileder"));
        using var paging = await _api.SendAsync(HttpMethod.Get, "/api/v1/tasks?page=0&pageSize=1000", null, ApiClient.Token("veileder"));

        Assert.Equal(HttpStatusCode.NotFound, task.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
        var errors = (await ApiClient.ReadAsync(paging))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("page") && errors.ContainsKey("pageSize"));
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("page=2147483647&pageSize=500", "page")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("dueFrom=2024-13-01", "dueFrom")]
    [InlineData("dueTo=31.12.2024", "dueTo")]
    [InlineData("code=%00", "code")]
    [InlineData("code=MOTE%0ABEHOV", "code")]
    public async Task A_query_value_that_does_not_parse_is_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, $"/api/v1/tasks?{query}", null, ApiClient.Token("veileder"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiClient.ReadAsync(response))["errors"]!.AsObject();
        Assert.Equal([parameter], errors.Select(e => e.Key));
    }
}
