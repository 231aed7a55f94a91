using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sykefravaer.Embedded.Access;

/// <summary>
/// NAIS's token exchange (Texas) on loopback, for tests: <c>POST /api/v1/token/exchange</c> with
/// <c>{"identity_provider":"azuread","target":…,"user_token":…}</c> answers 200
/// <c>{"access_token":…,"expires_in":…,"token_type":"Bearer"}</c>, where the token (unsigned) carries the user
/// token's <c>NAVident</c> and <c>sub</c> and <c>aud</c> = the target, so an access service with
/// <see cref="LoopbackAccessService.RequiredAudience"/> can tell an exchanged token from a forwarded one. A request
/// for another identity provider or target, or without a user token that is a JWT, is answered 400 as Texas does
/// (<c>{"error":"invalid_request","error_description":…}</c>).
/// </summary>
public sealed class LoopbackTokenExchange : LoopbackJsonServer
{
    private const string ExchangePath = "/api/v1/token/exchange";

    private readonly ConcurrentQueue<string> _userTokens = new();
    private int _issued;

    private LoopbackTokenExchange(string target)
    {
        Target = target;
        Endpoint = new Uri(BaseAddress, ExchangePath);
    }

    /// <summary>Gets the address to POST to (what NAIS puts in NAIS_TOKEN_EXCHANGE_ENDPOINT).</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the only target it issues tokens for: the access service's audience.</summary>
    public string Target { get; }

    /// <summary>Gets or sets the <c>expires_in</c> of the tokens it issues.</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>Gets or sets a status to answer everything with instead (e.g. 500, a broken exchange).</summary>
    public int? FailWith { get; set; }

    /// <summary>Gets or sets whether it answers 200 with a body that is no token answer.</summary>
    public bool Garbled { get; set; }

    /// <summary>Gets how many tokens it has issued.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Gets the user tokens it was asked to exchange, in order (well-formed requests only).</summary>
    public IReadOnlyCollection<string> UserTokens => [.. _userTokens];

    public static LoopbackTokenExchange Start(string target) => new(target);

    protected override async Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request) =>
        FailWith is { } failure ? (failure, Error("server_error", "failing as the test asked"))
        : Garbled ? (200, "<html>not a token</html>")
        : await AnswerOfAsync(request).ConfigureAwait(false);

    private async Task<(int Status, string Body)> AnswerOfAsync(HttpListenerRequest request)
    {
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != ExchangePath)
        {
            return (404, Error("invalid_request", "no such endpoint"));
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (400, Error("invalid_request", "unsupported content type"));
        }

        JsonObject? exchange;
        try
        {
            exchange = await JsonSerializer.DeserializeAsync<JsonObject>(request.InputStream).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (400, Error("invalid_request", "the body is not JSON"));
        }

        if (Text(exchange?["identity_provider"]) is not ("azuread" or "entra_id"))
        {
            return (400, Error("invalid_request", "unsupported identity provider"));
        }

        if (Text(exchange?["target"]) != Target)
        {
            return (400, Error("invalid_request", "no such target"));
        }

        if (Text(exchange?["user_token"]) is not { } userToken || UnsignedJwt.ClaimsOf(userToken) is not { } user)
        {
            return (400, Error("invalid_request", "user_token is not a token"));
        }

        _userTokens.Enqueue(userToken);
        var n = Interlocked.Increment(ref _issued);
        var claims = new JsonObject { ["aud"] = Target, ["jti"] = $"exchanged-{n}" };
        foreach (var claim in new[] { "NAVident", "sub" })
        {
            if (user[claim] is { } value)
            {
                claims[claim] = value.DeepClone();
            }
        }

        return (200, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["access_token"] = UnsignedJwt.Issue(claims),
            ["expires_in"] = (long)ExpiresIn.TotalSeconds,
            ["token_type"] = "Bearer",
        }));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Error(string error, string description) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description });
}
