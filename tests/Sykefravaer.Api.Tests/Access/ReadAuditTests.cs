using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Veileder;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>The audit trail of reads: every endpoint that shows a person's data records each read, exactly once,
/// before it answers; when the record cannot be written nothing is shown; and no endpoint for veiledere escapes
/// this (a new one fails here until it reads through the gate and is added).</summary>
[Collection(EngineCollection.Name)]
public sealed class ReadAuditTests(ApiEngine engine)
{
    private const string Veileder = "Z700201";

    // Every endpoint of the API behind the veileder role, each exercised below.
    private static readonly string[] PersonReads = ["get-case", "get-task", "list-open-tasks", "mark-task-done", "search-cases"];

    // The web view's pages, behind the same role in a session; exercised in VeilederPagesTests.
    private static readonly string[] PageReads = ["veileder-case", "veileder-search", "veileder-task-done", "veileder-work-list"];

    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public void Every_endpoint_for_veiledere_is_one_whose_reads_are_recorded()
    {
        var veilederEndpoints = engine.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is ApiRoles.VeilederPolicy or VeilederSession.PagesPolicy))
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(PersonReads.Concat(PageReads).Order(StringComparer.Ordinal), veilederEndpoints);
    }

    [Fact]
    public async Task Each_read_leaves_exactly_one_record_per_person_shown()
    {
        var (fnr, person, caseId, taskId) = await PersonWithOpenTask.CreateAsync(engine, _api);

        await _api.GetAsync($"/api/v1/cases/{caseId}", Token());
        using (var search = await _api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), Token()))
        {
            search.EnsureSuccessStatusCode();
        }

        await _api.GetAsync($"/api/v1/tasks/{taskId}", Token());
        await _api.GetAsync("/api/v1/tasks?code=MOTEBEHOV&pageSize=500", Token());
        using (var done = await _api.SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", null, Token()))
        {
            done.EnsureSuccessStatusCode();
        }

        var records = await engine.Database.ColumnAsync(
            "SELECT endpoint || ' ' || decision FROM read_audit WHERE read_by = $1 AND person_ref = $2", Veileder, person);
        Assert.Equal(PersonReads.Select(endpoint => $"{endpoint} ALLOWED"), records.Order());
    }

    [Fact]
    public async Task A_read_that_cannot_be_recorded_shows_nothing()
    {
        var (_, person, caseId, taskId) = await PersonWithOpenTask.CreateAsync(engine, _api);
        // Any insert into read_audit now fails, as when its disk is full or its grants are wrong.
        await engine.Database.ScalarAsync("ALTER TABLE read_audit ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
        try
        {
            using var byId = await _api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}", null, Token());
            using var list = await _api.SendAsync(HttpMethod.Get, "/api/v1/tasks?code=MOTEBEHOV&pageSize=500", null, Token());
            using var done = await _api.SendAsync(HttpMethod.Post, $"/api/v1/tasks/{taskId}/done", null, Token());

            Assert.All([byId, list, done], response =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(response.Headers.Contains("Retry-After"));
            });
            Assert.Equal("The audit trail is unavailable", (string?)(await ApiClient.ReadAsync(byId))["title"]);
            Assert.DoesNotContain(person, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await engine.Database.ScalarAsync("ALTER TABLE read_audit DROP CONSTRAINT refuse_all");
        }

        Assert.Equal(0, await engine.Database.ScalarAsync("SELECT count(*) FROM read_audit WHERE read_by = $1 AND person_ref = $2", Veileder, person));
        Assert.Equal("OPEN", (string?)(await _api.GetAsync($"/api/v1/tasks/{taskId}"))["status"]);
    }

    private static string Token() => ApiClient.Token(["veileder"], Veileder);
}
