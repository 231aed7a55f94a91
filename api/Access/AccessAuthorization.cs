namespace Sykefravaer.Api.Access;

/// <summary>
/// The <c>Authorization</c> header the access service is asked with: with a token exchange configured
/// (<see cref="TokenExchangeSettings"/>, on NAIS) the veileder's token exchanged on their behalf for the access
/// service's audience, reused from <see cref="ExchangedTokenCache"/> while it is good; without one, the veileder's
/// header as it came (Development, and the tests against the loopback access service).
/// </summary>
public sealed class AccessAuthorization(AccessSettings settings, TokenExchangeClient exchange, ExchangedTokenCache cache)
{
    private const string Bearer = "Bearer ";

    /// <param name="authorization">The caller's <c>Authorization</c> header (a bearer token: the API checked it).</param>
    public async Task<string> ForAccessServiceAsync(string authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (settings.TokenExchange.Endpoint is null)
        {
            return authorization;
        }

        var userToken = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : string.Empty;
        if (userToken.Length == 0)
        {
            throw new PersonReadUnavailableException(PersonAccessClient.Service, "the caller's Authorization header holds no bearer token to exchange");
        }

        if (cache.Lookup(userToken) is { } kept)
        {
            return Bearer + kept;
        }

        var exchanged = await exchange.ExchangeAsync(userToken, cancellationToken).ConfigureAwait(false);
        cache.Keep(userToken, exchanged);
        return Bearer + exchanged.AccessToken;
    }
}
