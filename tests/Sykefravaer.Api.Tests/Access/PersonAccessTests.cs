using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Embedded.Access;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>Access per person as a veileder meets it: someone NAV's access control keeps them from is on none of
/// their reads (case, search, task, work list, marking done), every attempt is in the audit trail, and an access
/// service that cannot be asked shows nothing.</summary>
[Collection(EngineCollection.Name)]
public sealed class PersonAccessTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task A_veileder_without_access_sees_neither_the_person_nor_their_tasks_and_each_attempt_is_recorded()
    {
        var (fnr, person, caseId, taskId) = await PersonWithOpenTask.CreateAsync(engine, _api);
        const string Denied = "Z700101";
        const string Allowed = "Z700102";
        TestAccess.Service.Deny(Denied, person);

        using var byId = await SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}", Denied);
        using var search = await SendAsync(HttpMethod.Post, "/api/v1/cases/search", Denied, new { fnr });
        using var task = await SendAsync(HttpMethod.Get, $"/api/v1/tasks/{taskId}", Denied);
        using var done = await SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", Denied);
        var deniedList = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500", Token(Denied));
        var allowedList = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500", Token(Allowed));

        Assert.All([byId, search, task, done], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.Equal("You do not have access to this person", (string?)(await ApiClient.ReadAsync(byId))["title"]);
        Assert.DoesNotContain(person, await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(deniedList["items"]!.AsArray(), t => (long)t!["id"]! == taskId);
        Assert.Contains(allowedList["items"]!.AsArray(), t => (long)t!["id"]! == taskId);
        Assert.Equal("OPEN", (string?)(await _api.GetAsync($"/api/v1/tasks/{taskId}", Token(Allowed)))["status"]);

        Assert.Equal(
            ["get-case DENIED", "get-task DENIED", "mark-task-done DENIED", "search-cases DENIED"],
            (await AuditOfAsync(Denied, person)).Order());
        Assert.Equal(["get-task ALLOWED", "list-open-tasks ALLOWED"], (await AuditOfAsync(Allowed, person)).Order());
        var cef = engine.Logs.Lines.Where(line => line.Contains($"suid={Denied} duid={person}", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, cef.Count);
        Assert.All(cef, line => Assert.Contains("CEF:0|Sykefravaer|sykefravaer-api|1.0|audit:access|Sporingslogg|WARN|", line, StringComparison.Ordinal));
        Assert.All(cef, line => Assert.Contains("flexString1=Deny", line, StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(fnr, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_work_list_fills_its_pages_with_people_the_veileder_may_see()
    {
        const string Veileder = "Z700103";
        var first = await PersonWithOpenTask.CreateAsync(engine, _api);
        var second = await PersonWithOpenTask.CreateAsync(engine, _api);
        var everyone = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500", Token(Veileder));
        var ids = everyone["items"]!.AsArray().Select(t => (long)t!["id"]!).ToList();
        Assert.Contains(first.TaskId, ids);
        Assert.Contains(second.TaskId, ids);

        // Denied the person whose task comes first of the two, page 1 of size 1 shows the other's.
        var (hidden, shown) = ids.IndexOf(first.TaskId) < ids.IndexOf(second.TaskId) ? (first, second) : (second, first);
        const string Restricted = "Z700104";
        TestAccess.Service.Deny(Restricted, hidden.Person);
        var restricted = await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500", Token(Restricted));
        var restrictedIds = restricted["items"]!.AsArray().Select(t => (long)t!["id"]!).ToList();

        Assert.Equal(ids.Where(id => id != hidden.TaskId), restrictedIds);
        var positionOfShown = restrictedIds.IndexOf(shown.TaskId);
        var page = await _api.GetAsync($"/api/v1/tasks?code=MOTEBEHOV&pageSize=1&page={positionOfShown + 1}", Token(Restricted));
        Assert.Equal(shown.TaskId, (long)page["items"]!.AsArray().Single()!["id"]!);
    }

    [Fact]
    public async Task An_access_service_that_is_down_or_slow_shows_nothing_and_says_so()
    {
        var (fnr, person, caseId, _) = await PersonWithOpenTask.CreateAsync(engine, _api);
        var stopped = LoopbackAccessService.Start();
        var deadAddress = stopped.BaseAddress;
        await stopped.DisposeAsync();
        await using var slow = LoopbackAccessService.Start();
        slow.Delay = TimeSpan.FromSeconds(5);

        foreach (var (address, veileder) in new[] { (deadAddress, "Z700105"), (slow.BaseAddress, "Z700106") })
        {
            var settings = engine.SettingsFor(engine.TemporalAddress);
            settings["Access:BaseAddress"] = address.ToString();
            settings["Access:Timeout"] = "00:00:00.300";
            await using var factory = new ApiFactory(settings, engine.Logs);
            var api = new ApiClient(factory.CreateClient());

            using var byId = await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}", null, Token(veileder));
            using var search = await api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), Token(veileder));
            using var list = await api.SendAsync(HttpMethod.Get, "/api/v1/tasks?pageSize=500", null, Token(veileder));

            Assert.All([byId, search, list], response =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            });
            Assert.Equal("The access service is unavailable", (string?)(await ApiClient.ReadAsync(byId))["title"]);
            Assert.DoesNotContain(person, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(["get-case UNAVAILABLE", "search-cases UNAVAILABLE"], (await AuditOfAsync(veileder, person)).Order());
        }
    }

    private Task<IReadOnlyList<string>> AuditOfAsync(string veileder, string person) =>
        engine.Database.ColumnAsync(
            "SELECT endpoint || ' ' || decision FROM read_audit WHERE read_by = $1 AND person_ref = $2", veileder, person);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string veileder, object? body = null) =>
        _api.SendAsync(method, path, body is null ? null : JsonContent.Create(body), Token(veileder));

    private static string Token(string veileder) => ApiClient.Token(["veileder"], veileder);
}
