using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>Talks to the API as an upstream system or a veileder tool would: bearer tokens, JSON bodies.</summary>
public sealed class ApiClient(HttpClient http)
{
    public static readonly AuthSettings TestAuth = new()
    {
        Issuer = ApiFactory.Issuer,
        Audience = ApiFactory.Audience,
        SigningKey = ApiFactory.SigningKey,
    };

    public HttpClient Http { get; } = http;

    public static string Token(params string[] roles) =>
        DevTokens.Mint(TestAuth, roles, "Z990000", TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

    /// <summary>A token for someone else than the default test user.</summary>
    public static string Token(string[] roles, string sub) =>
        DevTokens.Mint(TestAuth, roles, sub, TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

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
