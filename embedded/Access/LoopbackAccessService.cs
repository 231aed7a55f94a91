using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sykefravaer.Embedded.Access;

/// <summary>
/// An access service on loopback that answers as NAV's tilgangskontroll does (<c>docs/SECURITY.md</c>, "Access per
/// person"): <c>GET /api/tilgang/navident/person</c> with the person in <c>nav-personident</c>, and
/// <c>POST /api/tilgang/navident/brukere</c> with a list, answering the ones the veileder may see. The veileder is
/// the caller's token's <c>NAVident</c> (or <c>sub</c>); the token is not checked again here (the API did), except,
/// with <see cref="RequiredAudience"/>, its <c>aud</c>: as the real service takes only tokens exchanged for it.
/// </summary>
/// <remarks>For the one-command engine (every veileder sees every person) and for tests, which deny, slow down or
/// break it to see what the API does. It is a real HTTP server, so the API's client is tested as deployed.</remarks>
public sealed class LoopbackAccessService : LoopbackJsonServer
{
    private readonly ConcurrentDictionary<string, bool> _deniedIdents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Ident, string Person), bool> _deniedPeople = new();
    private readonly ConcurrentDictionary<string, int> _questions = new(StringComparer.Ordinal);

    private LoopbackAccessService()
    {
    }

    /// <summary>Gets or sets whether it answers 500 to everything (a broken service).</summary>
    public bool Failing { get; set; }

    /// <summary>Gets or sets the audience a token must be for (<c>aud</c>), else 401: a service behind NAIS's token
    /// exchange, which a veileder's own token does not reach. Null: any token that names a veileder.</summary>
    public string? RequiredAudience { get; set; }

    public static LoopbackAccessService Start() => new();

    /// <summary>The veileder may see no one.</summary>
    public void DenyAll(string navIdent) => _deniedIdents[navIdent] = true;

    /// <summary>The veileder may not see this person (e.g. skjermet, kode 6, another office's).</summary>
    public void Deny(string navIdent, string personRef) => _deniedPeople[(navIdent, personRef)] = true;

    /// <summary>How many people this veileder has been asked about so far (to see what a cache saved).</summary>
    public int QuestionsAbout(string navIdent) => _questions.GetValueOrDefault(navIdent);

    public bool Allows(string navIdent, string personRef) =>
        !_deniedIdents.ContainsKey(navIdent) && !_deniedPeople.ContainsKey((navIdent, personRef));

    protected override Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request) =>
        Failing ? Task.FromResult((500, "\"failing\"")) : AnswerOfAsync(request);

    private async Task<(int Status, string Body)> AnswerOfAsync(HttpListenerRequest request)
    {
        if (VeilederOf(request.Headers["Authorization"]) is not { } ident)
        {
            return (401, "\"no veileder token\"");
        }

        switch (request.HttpMethod, request.Url?.AbsolutePath)
        {
            case ("GET", "/api/tilgang/navident/person") when request.Headers["nav-personident"] is { Length: > 0 } person:
                _questions.AddOrUpdate(ident, 1, (_, n) => n + 1);
                return (200, JsonSerializer.Serialize(new { erGodkjent = Allows(ident, person) }));
            case ("POST", "/api/tilgang/navident/brukere"):
                var people = await JsonSerializer.DeserializeAsync<string[]>(request.InputStream).ConfigureAwait(false) ?? [];
                _questions.AddOrUpdate(ident, people.Length, (_, n) => n + people.Length);
                return (200, JsonSerializer.Serialize(people.Where(person => Allows(ident, person))));
            default:
                return (404, "\"no such endpoint\"");
        }
    }

    private string? VeilederOf(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.Ordinal)
            || UnsignedJwt.ClaimsOf(authorization[Bearer.Length..]) is not { } claims)
        {
            return null;
        }

        if (RequiredAudience is { } audience && !IsFor(claims["aud"], audience))
        {
            return null;
        }

        return (claims["NAVident"] ?? claims["sub"]) is JsonValue ident && ident.TryGetValue<string>(out var value) ? value : null;
    }

    // A JWT's aud is one string or a list of them.
    private static bool IsFor(JsonNode? aud, string audience) => aud switch
    {
        JsonValue one => one.TryGetValue<string>(out var value) && value == audience,
        JsonArray many => many.Any(a => a is JsonValue one && one.TryGetValue<string>(out var value) && value == audience),
        _ => false,
    };
}
