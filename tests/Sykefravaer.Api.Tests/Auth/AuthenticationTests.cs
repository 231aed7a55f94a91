using Microsoft.IdentityModel.Tokens;
using System.Net;
using System.Net.Http.Json;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.EndToEnd;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Auth;

/// <summary>401 without a valid token, 403 with the wrong role; events and veileder reads need different roles.</summary>
[Collection(EngineCollection.Name)]
public sealed class AuthenticationTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    private static string Wrong(Action<Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor> change) =>
        ApiClient.Token([ApiRoles.EventsWrite], new Dictionary<string, object> { ["sub"] = "x" }, change);

    public static TheoryData<string?> InvalidTokens() => new()
    {
        null,
        "not-a-token",
        Wrong(token => token.SigningCredentials = OtherKey.Credentials),
        Wrong(token => token.SigningCredentials = new SigningCredentials(SigningKeys.Symmetric("a-symmetric-key-that-is-at-least-32-bytes"), SecurityAlgorithms.HmacSha256)),
        Wrong(token => token.Audience = "someone-else"),
        Wrong(token => token.Issuer = "someone-else"),
        Wrong(token => (token.IssuedAt, token.NotBefore, token.Expires) = (DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(-55))),
    };

    private static readonly TestRsaKey OtherKey = new(TestSigning.Key.KeyId);

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Without_a_valid_token_the_answer_is_401(string? token)
    {
        var fnr = TestPeople.NewFnr();
        using var response = await _api.SendAsync(
            HttpMethod.Post, "/api/v1/events/friskmelding", JsonContent.Create(new { id = "f-1", fnr, dato = Dates.Today }), token);
        using var read = await _api.SendAsync(HttpMethod.Get, "/api/v1/tasks", null, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task A_veileder_token_cannot_submit_events_and_an_events_token_cannot_read()
    {
        var fnr = TestPeople.NewFnr();
        using var submit = await _api.PostEventAsync("friskmelding", new { id = "f-1", fnr, dato = Dates.Today }, ApiClient.Token(ApiRoles.Veileder));
        using var read = await _api.SendAsync(HttpMethod.Get, "/api/v1/tasks", null, ApiClient.Token(ApiRoles.EventsWrite));
        using var done = await _api.SendAsync(HttpMethod.Post, "/api/v1/tasks/1/done", null, ApiClient.Token(ApiRoles.EventsWrite));

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_and_health_need_no_token()
    {
        using var openApi = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, null);
        using var health = await _api.SendAsync(HttpMethod.Get, "/health", null, null);

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var document = await openApi.Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/events/sykmelding", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/tasks/{id}/done", document, StringComparison.Ordinal);
        Assert.Contains("bearer", document, StringComparison.Ordinal);
    }
}
