using System.Net;
using System.Net.Http.Json;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

namespace Sykefravaer.Api.Tests.Privacy;

/// <summary>The fnr a request carries is in no answer, no metric and no database row, whatever went wrong with the
/// request: an invalid field holding it, broken JSON, a body too large, a duplicate id, a read denied.</summary>
[Collection(EngineCollection.Name)]
public sealed class FodselsnummerOnErrorPathsTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task The_fnr_is_in_no_response_metric_label_or_database_row_on_error_paths_too()
    {
        var fnr = TestPeople.NewFnr();
        var smId = NewId("sm");
        var answers = new List<(HttpStatusCode Status, string Text)>();
        async Task SendAsync(Func<Task<HttpResponseMessage>> send)
        {
            using var response = await send();
            answers.Add((response.StatusCode, $"{response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}"));
        }

        await SendAsync(() => _api.PostEventAsync("sykmelding", Sykmelding(fnr, smId, -70, 30)));
        var takenId = NewId("sm");
        using (await _api.PostEventAsync("sykmelding", Sykmelding(TestPeople.NewFnr(), takenId, -5, 5)))
        {
        }

        await SendAsync(() => _api.PostEventAsync("sykmelding", Sykmelding(fnr, takenId, -60, 30)));
        await SendAsync(() => _api.PostRawEventAsync("sykmelding", $$"""{"id":"{{fnr}}","fnr":"{{fnr}}","grad":"{{fnr}}","orgnr":"{{fnr}}","fom":"{{fnr}}"}"""));
        await SendAsync(() => _api.PostRawEventAsync("sykmelding", $$"""{"id":"x","fnr":"{{fnr}}", broken"""));
        await SendAsync(() => _api.PostRawEventAsync("sykmelding", $$"""{"fnr":"{{fnr}}","pad":"{{new string('x', 70_000)}}"}"""));
        await SendAsync(() => _api.PostRawEventAsync("sykmelding", $$"""{"fnr":"{{fnr}}"}""", contentType: "text/plain"));
        await SendAsync(() => _api.PostRawEventAsync("motebehov", $$"""{"id":"mb-1","fnr":"{{fnr[..10]}}9","fra":"{{fnr}}","harBehov":"{{fnr}}"}"""));
        await SendAsync(() => _api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr, extra = fnr }), ApiClient.Token(ApiRoles.Veileder)));
        const string Denied = "Z700301";
        TestAccess.Service.Deny(Denied, engine.Pseudonym.Of(Domain.Input.Fodselsnummer.Parse(fnr)));
        await SendAsync(() => _api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), ApiClient.Token([ApiRoles.Veileder], Denied)));
        await SendAsync(() => _api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), ApiClient.Token(ApiRoles.EventsWrite)));
        await _api.CaseOfAsync(fnr, c => HasEffect(c, "AKTIVITETSKRAV_VURDERING", "TASK"), "the case");
        await SendAsync(() => _api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), ApiClient.Token(ApiRoles.Veileder)));
        await SendAsync(() => _api.Http.GetAsync(new Uri("/metrics", UriKind.Relative)));

        // Each kind of failure happened, so each path was walked.
        Assert.Superset(
            new HashSet<HttpStatusCode> { HttpStatusCode.Accepted, HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.Forbidden, HttpStatusCode.OK },
            answers.Select(a => a.Status).ToHashSet());
        Assert.All(answers, answer => Assert.DoesNotContain(fnr, answer.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(fnr, StringComparison.Ordinal));

        // Every row of every table, as text, searched on the server: no row holds the fnr.
        var tablesHoldingIt = await engine.Database.ColumnAsync(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND query_to_xml(format('SELECT * FROM %I', table_name), true, false, '')::text LIKE '%' || $1 || '%'
            """,
            fnr);
        Assert.Empty(tablesHoldingIt);
        Assert.True(await engine.Database.ScalarAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") > 5);
        Assert.Contains(answers, a => a.Text.Contains("sykefravaer_events_", StringComparison.Ordinal));
    }
}
