namespace Sykefravaer.Api.Auth;

/// <summary>
/// How bearer tokens are checked (section <c>Auth</c>; <c>Auth__Issuer</c> etc. in the environment). Issuer and
/// audience are always checked; the signing keys come from exactly one of: <see cref="MetadataAddress"/> (Entra ID:
/// the tenant's OpenID configuration, keys rotated from its JWKS), <see cref="JwksJson"/> or <see cref="JwksFile"/>
/// (a local JWKS), or <see cref="SigningKey"/> (a symmetric key, for development).
/// </summary>
public sealed record AuthSettings
{
    public const string Section = "Auth";

    /// <summary>The <c>iss</c> tokens must have; on NAV's platform, <c>AZURE_OPENID_CONFIG_ISSUER</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The <c>aud</c> tokens must have: this API's client id (<c>AZURE_APP_CLIENT_ID</c>).</summary>
    public string? Audience { get; init; }

    /// <summary>The OpenID configuration URL (<c>AZURE_APP_WELL_KNOWN_URL</c>).</summary>
    public string? MetadataAddress { get; init; }

    public string? JwksJson { get; init; }

    public string? JwksFile { get; init; }

    /// <summary>A shared secret of at least 32 bytes (HS256). Development only: whoever has it can mint tokens.</summary>
    public string? SigningKey { get; init; }

    /// <summary>Clock skew allowed when checking expiry.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);
}
