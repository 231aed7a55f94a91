using System.Net;
using System.Net.Http.Json;
using Sykefravaer.Api.Tests.Infrastructure;
using Sykefravaer.Embedded.Access;

namespace Sykefravaer.Api.Tests.Access;

/// <summary>Reads through an API configured as on NAIS (<c>NAIS_TOKEN_EXCHANGE_ENDPOINT</c>,
/// <c>Access__TokenExchange__Target</c>): the access service, which takes only tokens for its audience, is asked with
/// the veileder's token exchanged for it; an exchange that fails shows nothing, answers 503 and is recorded.</summary>
[Collection(EngineCollection.Name)]
public sealed class ExchangedTokenReadTests(ApiEngine engine) : IAsyncLifetime
{
    private const string Target = "api://test-gcp.teamsykefravr.tilgangskontroll/.default";
    private readonly ApiClient _api = new(engine.Api.CreateClient());
    private LoopbackAccessService _service = null!;
    private LoopbackTokenExchange _exchange = null!;
    private ApiFactory _exchangingApi = null!;

    public Task InitializeAsync()
    {
        _service = LoopbackAccessService.Start();
        _service.RequiredAudience = Target;
        _exchange = LoopbackTokenExchange.Start(Target);
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Access:BaseAddress"] = _service.BaseAddress.ToString();
        settings["Access:CacheDuration"] = "00:00:00"; // every read asks: what is reused is the exchanged token
        settings["NAIS_TOKEN_EXCHANGE_ENDPOINT"] = _exchange.Endpoint.ToString(); // as NAIS sets it in the pod
        settings["Access:TokenExchange:Target"] = Target;
        _exchangingApi = new ApiFactory(settings, engine.Logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _exchangingApi.DisposeAsync();
        await _exchange.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task The_access_service_is_asked_with_the_veileders_token_exchanged_once_for_its_audience()
    {
        const string Veileder = "Z700311";
        var (_, person, caseId, taskId) = await PersonWithOpenTask.CreateAsync(engine, _api);
        var token = ApiClient.VeilederToken(Veileder);
        var api = new ApiClient(_exchangingApi.CreateClient());

        var found = await api.GetAsync($"/api/v1/cases/{caseId}", token);
        var task = await api.GetAsync($"/api/v1/tasks/{taskId}", token);

        Assert.Equal(caseId, (string?)found["caseId"]);
        Assert.Equal(taskId, (long)task["id"]!);
        Assert.Equal(2, _service.QuestionsAbout(Veileder));
        Assert.Equal([token], _exchange.UserTokens);
        Assert.Equal(["get-case ALLOWED", "get-task ALLOWED"], (await AuditOfAsync(Veileder, person)).Order());
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exchange_that_fails_shows_nothing_answers_503_and_records_the_read_as_unavailable()
    {
        const string Veileder = "Z700312";
        var (fnr, person, caseId, _) = await PersonWithOpenTask.CreateAsync(engine, _api);
        var token = ApiClient.VeilederToken(Veileder);
        var api = new ApiClient(_exchangingApi.CreateClient());
        _exchange.FailWith = 500;

        using var byId = await api.SendAsync(HttpMethod.Get, $"/api/v1/cases/{caseId}", null, token);
        using var search = await api.SendAsync(HttpMethod.Post, "/api/v1/cases/search", JsonContent.Create(new { fnr }), token);
        using var list = await api.SendAsync(HttpMethod.Get, "/api/v1/tasks?pageSize=500", null, token);

        Assert.All([byId, search, list], response =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        });
        Assert.Equal("The access service is unavailable", (string?)(await ApiClient.ReadAsync(byId))["title"]);
        Assert.DoesNotContain(person, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(caseId, await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _service.QuestionsAbout(Veileder));
        Assert.Equal(["get-case UNAVAILABLE", "search-cases UNAVAILABLE"], (await AuditOfAsync(Veileder, person)).Order());
        Assert.Contains(engine.Logs.Lines, line => line.Contains("the token exchange answered 500", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    private Task<IReadOnlyList<string>> AuditOfAsync(string veileder, string person) =>
        engine.Database.ColumnAsync(
            "SELECT endpoint || ' ' || decision FROM read_audit WHERE read_by = $1 AND person_ref = $2", veileder, person);
}
