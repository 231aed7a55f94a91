using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sykefravaer.Api.Tests.Access;
using Sykefravaer.Api.Tests.EndToEnd;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Veileder;

/// <summary>The veileder's web view over HTTP, as Development serves it: sign-in, the work list with its filters and
/// sort, a case's page with its timeline, marking a task done, the search, the access check and audit trail the API
/// has, and a session that expires. (The same in a real browser, with an accessibility check: the browser tests.)</summary>
[Collection(EngineCollection.Name)]
public sealed class VeilederPagesTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task Without_a_session_every_page_sends_the_browser_to_sign_in()
    {
        await using var factory = Development();
        var browser = Browser(factory);

        using var list = await browser.Http.GetAsync(new Uri("/veileder", UriKind.Relative));
        using var found = await browser.Http.GetAsync(new Uri($"/veileder/cases/{Guid.NewGuid()}", UriKind.Relative));

        Assert.All([list, found], response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/veileder/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_signed_in_veileder_filters_sorts_opens_a_case_and_marks_its_task_done()
    {
        var person = await PersonWithOpenTask.CreateAsync(engine, _api);
        await using var factory = Development();
        var browser = Browser(factory);
        const string Veileder = "Z700401";
        await browser.SignInAsync(Veileder);

        var (status, motebehov) = await browser.GetAsync("/veileder?hendelse=MOTEBEHOV");
        var (_, other) = await browser.GetAsync("/veileder?hendelse=VURDER_STANS");
        var (_, atEmployer) = await browser.GetAsync($"/veileder?virksomhet={TestPeople.Orgnr}&hendelse=MOTEBEHOV");
        var (_, elsewhere) = await browser.GetAsync("/veileder?virksomhet=987654325&hendelse=MOTEBEHOV");
        var (_, latestFirst) = await browser.GetAsync("/veileder?sort=-due");
        var (_, earliestFirst) = await browser.GetAsync("/veileder?sort=due");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-task-id=\"{person.TaskId}\"", motebehov, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-task-id=\"{person.TaskId}\"", other, StringComparison.Ordinal);
        Assert.Contains($"data-task-id=\"{person.TaskId}\"", atEmployer, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-task-id=\"{person.TaskId}\"", elsewhere, StringComparison.Ordinal);
        Assert.Equal(DueDates(earliestFirst).Order(StringComparer.Ordinal), DueDates(earliestFirst));
        Assert.Equal(DueDates(latestFirst).OrderDescending(StringComparer.Ordinal), DueDates(latestFirst));

        var (caseStatus, casePage) = await browser.GetAsync($"/veileder/cases/{person.CaseId}");
        Assert.Equal(HttpStatusCode.OK, caseStatus);
        Assert.Contains("data-testid=\"timeline\"", casePage, StringComparison.Ordinal);
        Assert.Contains("data-milestone=\"DIALOGMOTE2_FRIST\" data-result=\"PENDING\"", casePage, StringComparison.Ordinal);
        Assert.Contains("data-effect=\"MOTEBEHOV\"", casePage, StringComparison.Ordinal);
        Assert.Contains($"data-period-start=\"{Dates.Day(-5)}\" data-period-end=\"{Dates.Day(30)}\" data-grad=\"100\"", casePage, StringComparison.Ordinal);
        // What came in is drawn on its own row and listed in the history, with whom it came from.
        Assert.Contains($"data-event=\"MOTEBEHOV_MELDT\" data-on=\"{Dates.Day(0)}\"", casePage, StringComparison.Ordinal);
        Assert.Matches("<tr class=\"navds-table__row\" data-came-in=\"true\">(?:(?!</tr>).)*Møtebehov meldt(?:(?!</tr>).)*Sykmelder", WebUtility.HtmlDecode(casePage).ReplaceLineEndings(""));
        Assert.DoesNotContain(person.Fnr, casePage, StringComparison.Ordinal);

        using var done = await browser.PostFormAsync($"/veileder/tasks/{person.TaskId}/done", new() { ["returnUrl"] = "/veileder?hendelse=MOTEBEHOV" }, "/veileder?hendelse=MOTEBEHOV");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, afterwards) = await browser.GetAsync("/veileder?hendelse=MOTEBEHOV");
        Assert.DoesNotContain($"data-task-id=\"{person.TaskId}\"", afterwards, StringComparison.Ordinal);
        Assert.Equal("DONE", (string?)(await _api.GetAsync($"/api/v1/tasks/{person.TaskId}"))["status"]);
        Assert.Equal(Veileder, (string?)(await _api.GetAsync($"/api/v1/tasks/{person.TaskId}"))["doneBy"]);

        var audit = await engine.Database.ColumnAsync(
            "SELECT DISTINCT endpoint || ' ' || decision FROM read_audit WHERE read_by = $1 AND person_ref = $2", Veileder, person.Person);
        Assert.Equal(["veileder-case ALLOWED", "veileder-task-done ALLOWED", "veileder-work-list ALLOWED"], audit.Order());
    }

    [Fact]
    public async Task A_veileder_without_access_sees_neither_the_person_in_the_list_nor_their_case()
    {
        var person = await PersonWithOpenTask.CreateAsync(engine, _api);
        const string Denied = "Z700402";
        TestAccess.Service.Deny(Denied, person.Person);
        await using var factory = Development();
        var browser = Browser(factory);
        await browser.SignInAsync(Denied);

        var (_, list) = await browser.GetAsync("/veileder?hendelse=MOTEBEHOV");
        var (status, casePage) = await browser.GetAsync($"/veileder/cases/{person.CaseId}");
        using var done = await browser.PostFormAsync($"/veileder/tasks/{person.TaskId}/done", new() { ["returnUrl"] = "/veileder" }, "/veileder");

        Assert.DoesNotContain($"data-task-id=\"{person.TaskId}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Du har ikke tilgang til denne personen", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Person[..10], casePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
        Assert.Equal("OPEN", (string?)(await _api.GetAsync($"/api/v1/tasks/{person.TaskId}"))["status"]);
    }

    [Fact]
    public async Task The_search_takes_the_fnr_in_a_form_and_never_shows_it_back()
    {
        var person = await PersonWithOpenTask.CreateAsync(engine, _api);
        await using var factory = Development();
        var browser = Browser(factory);
        await browser.SignInAsync("Z700403");

        using var found = await browser.PostFormAsync("/veileder/search", new() { ["fnr"] = person.Fnr }, "/veileder");
        using var wrong = await browser.PostFormAsync("/veileder/search", new() { ["fnr"] = TestPeople.WithWrongCheckDigit(person.Fnr) }, "/veileder");
        var foundPage = await found.Content.ReadAsStringAsync();
        var wrongPage = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"/veileder/cases/{person.CaseId}", foundPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.DoesNotContain(person.Fnr[..10], foundPage + wrongPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_session_goes_back_to_sign_in()
    {
        await using var factory = Development(sessionLifetime: "00:00:01");
        var browser = Browser(factory);
        await browser.SignInAsync("Z700404");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/veileder")).Status);

        await Task.Delay(TimeSpan.FromSeconds(2));
        using var expired = await browser.Http.GetAsync(new Uri("/veileder", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/veileder/sign-in", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_access_service_is_down_the_page_says_so_in_html_and_shows_nothing_of_the_person()
    {
        var person = await PersonWithOpenTask.CreateAsync(engine, _api);
        await using var broken = Sykefravaer.Embedded.Access.LoopbackAccessService.Start();
        broken.Failing = true;
        await using var factory = Development(accessAddress: broken.BaseAddress.ToString());
        var browser = Browser(factory);
        await browser.SignInAsync("Z700409");

        using var response = await browser.Http.GetAsync(new Uri($"/veileder/cases/{person.CaseId}", UriKind.Relative));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Tilgangskontrollen svarer ikke", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"timeline\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Person[..10], page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GJENTAKENDE_SYKEFRAVAER_the_work_list_tags_a_person_whose_cases_make_it_so()
    {
        // Two tilfeller ending within 3 years with 161 + 181 sick days: over 300 (GJENTAKENDE_SYKEFRAVAER). The first
        // case's projection is then deleted, as retention does a year after a case closed: its tilfelle still counts.
        var fnr = TestPeople.NewFnr();
        await AcceptAsync(EventTypeTests.Sykmelding(fnr, EventTypeTests.NewId("sm"), -400, -240));
        await Eventually.MatchAsync(() => _api.CasesOfAsync(fnr), cases => cases.Count == 1 && (string?)cases[0]!["state"]!["outcome"] == "FRISKMELDT", "the first case closed");
        await AcceptAsync(EventTypeTests.Sykmelding(fnr, EventTypeTests.NewId("sm"), -150, 30));
        var cases = await Eventually.MatchAsync(
            () => _api.CasesOfAsync(fnr),
            found => found.Count == 2 && EventTypeTests.HasEffect(found[1]!.AsObject(), "AKTIVITETSKRAV_VURDERING", "TASK"),
            "the second case's week-8 task");
        Assert.Equal(1, await engine.Database.ScalarAsync(
            "WITH gone AS (DELETE FROM case_projection WHERE case_id = $1 RETURNING 1) SELECT count(*) FROM gone", Guid.Parse((string)cases[0]!["caseId"]!)));
        var control = await PersonWithOpenTask.CreateAsync(engine, _api);
        await using var factory = Development();
        var browser = Browser(factory);
        await browser.SignInAsync("Z700402");

        var (_, aktivitetskrav) = await browser.GetAsync("/veileder?hendelse=AKTIVITETSKRAV_VURDERING&sort=-due");
        var (_, motebehov) = await browser.GetAsync("/veileder?hendelse=MOTEBEHOV&sort=-due");

        var caseId = (string)cases[1]!["caseId"]!;
        Assert.Matches($"<tr[^>]*data-code=\"AKTIVITETSKRAV_VURDERING\"[^>]*>(?:(?!</tr>).)*href=\"/veileder/cases/{caseId}\"(?:(?!</tr>).)*data-tag=\"gjentakende\"", aktivitetskrav.ReplaceLineEndings(""));
        Assert.Matches($"<tr[^>]*data-task-id=\"{control.TaskId}\"(?:(?!</tr>).)*</tr>", motebehov.ReplaceLineEndings(""));
        Assert.DoesNotMatch($"<tr[^>]*data-task-id=\"{control.TaskId}\"(?:(?!</tr>).)*data-tag=\"gjentakende\"", motebehov.ReplaceLineEndings(""));
    }

    private async Task AcceptAsync(object body)
    {
        using var response = await _api.PostEventAsync("sykmelding", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private ApiFactory Development(string? sessionLifetime = null, string? accessAddress = null)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Veileder:SessionLifetime"] = sessionLifetime;
        if (accessAddress is not null)
        {
            settings["Access:BaseAddress"] = accessAddress;
        }

        return new ApiFactory(settings, engine.Logs) { Environment = "Development" };
    }

    private static VeilederSessionClient Browser(ApiFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private static List<string> DueDates(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-due=\"([0-9-]+)\"").Select(m => m.Groups[1].Value)];
}
