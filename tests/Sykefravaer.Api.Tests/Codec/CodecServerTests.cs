using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Codec;

/// <summary>The codec server in Temporal's format: the Temporal UI or CLI of an operator with the codec role reads case
/// data through it, every call recorded first; nobody else, no other namespace, no other browser origin.</summary>
[Collection(EngineCollection.Name)]
public sealed class CodecServerTests(ApiEngine engine) : IAsyncLifetime
{
    private const string UiOrigin = "http://localhost:8080";
    private ApiFactory? _factory;

    private ApiClient Api => new(_factory!.CreateClient());

    private string Namespace => engine.Temporal.Options.Namespace;

    public Task InitializeAsync()
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Codec:TemporalUiOrigin"] = UiOrigin;
        _factory = new ApiFactory(settings, engine.Logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory!.DisposeAsync();

    [Fact]
    public async Task Encode_then_decode_gives_back_the_payloads_and_each_call_is_recorded_without_them()
    {
        var who = $"Z{Random.Shared.Next(100000, 999999)}";
        var token = ApiClient.Token([ApiRoles.Codec], sub: who);
        const string Secret = "\"sykmeldt 100 % fra 2026-09-01\"";

        using var encoded = await PostAsync("/codec/encode", Body(Secret), token);
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        var encodedBody = await encoded.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Base64(Secret), encodedBody, StringComparison.Ordinal);
        Assert.Contains(Base64("binary/encrypted"), encodedBody, StringComparison.Ordinal);

        using var decoded = await PostAsync("/codec/decode", encodedBody, token);
        Assert.Equal(HttpStatusCode.OK, decoded.StatusCode);
        var payload = JsonNode.Parse(await decoded.Content.ReadAsStringAsync())!["payloads"]![0]!;
        Assert.Equal(Base64(Secret), (string)payload["data"]!);
        Assert.Equal(Base64("json/plain"), (string)payload["metadata"]!["encoding"]!);

        Assert.Equal(
            ["ENCODE 1", "DECODE 1"],
            await engine.Database.ColumnAsync(
                "SELECT operation || ' ' || payloads FROM codec_audit WHERE decided_by = $1 AND namespace = $2 ORDER BY id", who, Namespace));
    }

    [Fact]
    public async Task Without_the_codec_role_or_for_another_namespace_nothing_is_decoded_and_nothing_recorded()
    {
        var before = await engine.Database.ScalarAsync("SELECT count(*) FROM codec_audit");

        using var anonymous = await PostAsync("/codec/decode", Body("1"), token: null);
        using var veileder = await PostAsync("/codec/decode", Body("1"), ApiClient.Token(ApiRoles.Veileder));
        using var operatorToken = await PostAsync("/codec/decode", Body("1"), ApiClient.Token(ApiRoles.Operator));
        using var other = await PostAsync("/codec/decode", Body("1"), ApiClient.Token(ApiRoles.Codec), temporalNamespace: "another");
        using var notJson = await PostAsync("/codec/decode", "x", ApiClient.Token(ApiRoles.Codec), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, veileder.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(before, await engine.Database.ScalarAsync("SELECT count(*) FROM codec_audit"));
    }

    [Fact]
    public async Task A_browser_preflight_is_allowed_from_the_temporal_ui_origin_only()
    {
        using var fromUi = await PreflightAsync(UiOrigin);
        using var fromElsewhere = await PreflightAsync("https://evil.example");

        Assert.Equal(UiOrigin, fromUi.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-namespace", string.Join(',', fromUi.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(fromElsewhere.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_payload_of_an_unknown_key_is_refused_naming_the_key()
    {
        var foreign = $$"""{"payloads":[{"metadata":{"encoding":"{{Base64("binary/encrypted")}}","encryption-key-id":"{{Base64("retired-2020")}}"},"data":"{{Base64(new string('x', 40))}}"}]}""";

        using var response = await PostAsync("/codec/decode", foreign, ApiClient.Token(ApiRoles.Codec));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("retired-2020", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(
        string path, string body, string? token, string? temporalNamespace = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Namespace", temporalNamespace ?? Namespace);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await Api.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/codec/decode");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-namespace,authorization");
        return Api.Http.SendAsync(request);
    }

    private static string Body(string json) =>
        $$"""{"payloads":[{"metadata":{"encoding":"{{Base64("json/plain")}}"},"data":"{{Base64(json)}}"}]}""";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
