namespace Sykefravaer.Api.Access;

/// <summary>
/// Where the API exchanges a veileder's token for one the access service takes (<c>Access__TokenExchange__*</c>):
/// NAIS's token exchange (Texas), asked on behalf of the veileder for the access service's audience. Unset, the
/// veileder's token is forwarded as it came (Development, and tests against the loopback access service).
/// </summary>
/// <remarks>Settable rather than init-only: the endpoint defaults to <see cref="NaisEndpointVariable"/> after
/// binding, when <c>Access__TokenExchange__Endpoint</c> is not set (see AccessServices).</remarks>
public sealed class TokenExchangeSettings
{
    /// <summary>The variable NAIS sets in every pod of an application with Entra ID: Texas's exchange endpoint.</summary>
    public const string NaisEndpointVariable = "NAIS_TOKEN_EXCHANGE_ENDPOINT";

    /// <summary>Gets or sets the exchange endpoint (on NAIS <c>NAIS_TOKEN_EXCHANGE_ENDPOINT</c>). Null: no exchange.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the access service's audience, e.g.
    /// <c>api://prod-gcp.teamsykefravr.istilgangskontroll/.default</c>. Required with an endpoint.</summary>
    public string? Target { get; set; }

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Problem() =>
        Endpoint is null ? null
        : !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)
            ? $"Access__TokenExchange__Endpoint (or {NaisEndpointVariable}) must be an absolute http(s) address."
        : string.IsNullOrWhiteSpace(Target)
            ? "Access__TokenExchange__Target (the access service's audience, e.g. api://prod-gcp.teamsykefravr.istilgangskontroll/.default) "
              + "is not configured, but a token exchange endpoint is: the veileder's token could not be exchanged for the access service."
        : null;
}
