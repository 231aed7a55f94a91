using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>Talks to the API as an upstream system or a veileder tool would: bearer tokens, JSON bodies.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static string Token(params string[] roles) => Token(roles, "Z990000");

    /// <summary>A token for someone else than the default test user.</summary>
    public static string Token(string[] roles, string sub) =>
        Token(roles, new Dictionary<string, object> { ["sub"] = sub });

    /// <summary>A token with claims beyond <c>sub</c> and <c>roles</c>, e.g. Entra ID's <c>NAVident</c> or <c>azp</c>.</summary>
    /// <param name="change">For a test of tokens that are wrong in one way: another issuer, audience, key, expiry.</param>
    public static string Token(string[] roles, IReadOnlyDictionary<string, object> claims, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ApiFactory.Issuer,
            Audience = ApiFactory.Audience,
            Claims = new Dictionary<string, object>(claims) { [ApiRoles.RoleClaim] = roles },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = TestSigning.Key.Credentials,
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A veileder's token as Entra ID issues it through a veileder tool: the tool's <c>azp</c>, the
    /// veileder's <c>NAVident</c>.</summary>
    public static string VeilederToken(string navIdent) =>
        Token([ApiRoles.Veileder], new Dictionary<string, object> { ["sub"] = $"sub-{navIdent}", ["azp"] = "syfomodiaperson", ["NAVident"] = navIdent });

    /// <summary>An upstream system's token (client credentials): its client id in <c>azp</c>, no person.</summary>
    public static string SystemToken(string clientId) =>
        Token([ApiRoles.EventsWrite], new Dictionary<string, object> { ["sub"] = $"object-id-of-{clientId}", ["azp"] = clientId });

    public Task<HttpResponseMessage> SearchAsync(string fnr, string token) =>
        SendAsync(HttpMethod.Post, "/api/v1/cases/search", Json(new { fnr }), token);

    public Task<HttpResponseMessage> PostEventAsync(string type, object body, string? token = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/events/{type}", Json(body), token ?? Token(ApiRoles.EventsWrite));

    public Task<HttpResponseMessage> PostRawEventAsync(string type, string body, string? token = null, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, $"/api/v1/events/{type}", new StringContent(body, Encoding.UTF8, contentType), token ?? Token(ApiRoles.EventsWrite));

    public async Task<JsonArray> CasesOfAsync(string fnr)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/cases/search", Json(new { fnr }), Token(ApiRoles.Veileder));
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response);
        return body["cases"]!.AsArray();
    }

    /// <summary>The person's only case, once the worker has applied what <paramref name="done"/> waits for.</summary>
    public async Task<JsonObject> CaseOfAsync(string fnr, Func<JsonObject, bool> done, string what) =>
        (JsonObject)(await Eventually.MatchAsync(
            () => CasesOfAsync(fnr),
            cases => cases.Count == 1 && done(cases[0]!.AsObject()),
            what))[0]!;

    public async Task<JsonObject> GetAsync(string path, string? token = null)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, token ?? Token(ApiRoles.Veileder));
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? token)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static JsonContent Json(object body) => JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
