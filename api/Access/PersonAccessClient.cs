using System.Net;
using System.Net.Http.Json;

namespace Sykefravaer.Api.Access;

/// <summary>
/// Asks NAV's access service (tilgangskontroll) whether a veileder may see a person, in its own terms:
/// <c>GET api/tilgang/navident/person</c> with the person in the <c>nav-personident</c> header (never the URL),
/// answering <c>{"erGodkjent": …}</c>, and <c>POST api/tilgang/navident/brukere</c> with a list, answering those the
/// veileder may see. The veileder is whoever the token names: on NAIS the veileder's token exchanged on their behalf
/// for the access service's audience, else the caller's as it came (<see cref="AccessAuthorization"/>). The person is the engine's pseudonym: the
/// engine holds no fødselsnummer, so the service it is pointed at resolves the pseudonym (docs/SECURITY.md).
/// </summary>
/// <remarks>Fails closed: a timeout, a refused connection, any answer but 200/403, or a token exchange that fails
/// throws <see cref="PersonReadUnavailableException"/>, and the caller shows nothing. The token is exchanged only
/// when the service is asked, not for an answer the cache knows.</remarks>
public sealed class PersonAccessClient(HttpClient http, AccessSettings settings, AccessDecisionCache cache, AccessAuthorization tokens)
{
    /// <summary>The dependency a failed question names (the 503's title says it is unavailable).</summary>
    public const string Service = "The access service";

    /// <param name="authorization">The caller's <c>Authorization</c> header: the question's, exchanged or as it came.</param>
    public async Task<bool> MaySeeAsync(string authorization, string navIdent, string personRef, CancellationToken cancellationToken)
    {
        if (cache.Lookup(navIdent, personRef) is { } known)
        {
            return known;
        }

        using var request = Request(HttpMethod.Get, "api/tilgang/navident/person",
            await tokens.ForAccessServiceAsync(authorization, cancellationToken).ConfigureAwait(false));
        request.Headers.Add("nav-personident", personRef);
        var allowed = await AskAsync(request, async response =>
            response.StatusCode == HttpStatusCode.Forbidden
                ? false
                : (await response.Content.ReadFromJsonAsync<PersonAnswer>(cancellationToken).ConfigureAwait(false))?.ErGodkjent == true,
            cancellationToken).ConfigureAwait(false);
        cache.Keep(navIdent, personRef, allowed);
        return allowed;
    }

    /// <summary>The people of <paramref name="personRefs"/> the veileder may see; asks only about those the cache
    /// does not know.</summary>
    public async Task<IReadOnlySet<string>> VisibleAsync(
        string authorization, string navIdent, IReadOnlyCollection<string> personRefs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personRefs);
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var person in personRefs.Distinct(StringComparer.Ordinal))
        {
            switch (cache.Lookup(navIdent, person))
            {
                case true: visible.Add(person); break;
                case null: unknown.Add(person); break;
            }
        }

        if (unknown.Count == 0)
        {
            return visible;
        }

        using var request = Request(HttpMethod.Post, "api/tilgang/navident/brukere",
            await tokens.ForAccessServiceAsync(authorization, cancellationToken).ConfigureAwait(false));
        request.Content = JsonContent.Create(unknown);
        var allowed = await AskAsync(request, async response =>
            response.StatusCode == HttpStatusCode.Forbidden
                ? []
                : (await response.Content.ReadFromJsonAsync<string[]>(cancellationToken).ConfigureAwait(false) ?? []).ToHashSet(StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
        foreach (var person in unknown)
        {
            var allows = allowed.Contains(person);
            cache.Keep(navIdent, person, allows);
            if (allows)
            {
                visible.Add(person);
            }
        }

        return visible;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string authorization)
    {
        var request = new HttpRequestMessage(method, new Uri(settings.BaseAddress!, path));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private async Task<T> AskAsync<T>(HttpRequestMessage request, Func<HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode is not HttpStatusCode.OK and not HttpStatusCode.Forbidden)
            {
                throw new PersonReadUnavailableException(Service, $"it answered {(int)response.StatusCode}");
            }

            return await read(response).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PersonReadUnavailableException(Service, $"it did not answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            throw new PersonReadUnavailableException(Service, "it could not be reached", e);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PersonReadUnavailableException(Service, "its answer could not be read", e);
        }
    }

    private sealed record PersonAnswer(bool ErGodkjent);
}
