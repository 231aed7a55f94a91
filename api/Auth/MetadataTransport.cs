using Sykefravaer.Api.Hosting;

namespace Sykefravaer.Api.Auth;

/// <summary>
/// Whether the OpenID configuration and its JWKS may be fetched over plain http: only from a loopback address, and
/// only in Development or Test, where a local identity provider stands in for Entra ID. Anywhere else the signing keys
/// come over https: keys fetched in clear could be swapped on the way, and whoever swaps them mints any token.
/// </summary>
public static class MetadataTransport
{
    public static bool AllowsPlainHttp(IHostEnvironment environment, string metadataAddress)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return (environment.IsDevelopment() || environment.IsTest())
            && Uri.TryCreate(metadataAddress, UriKind.Absolute, out var address)
            && address.Scheme == Uri.UriSchemeHttp
            && address.IsLoopback;
    }

    /// <summary>Why <paramref name="metadataAddress"/> cannot be used here, or null when it can.</summary>
    public static string? Problem(IHostEnvironment environment, string metadataAddress) =>
        (Uri.TryCreate(metadataAddress, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps)
        || AllowsPlainHttp(environment, metadataAddress)
            ? null
            : "Auth__MetadataAddress must be an https URL (plain http only to a loopback address, in Development or Test): the signing keys must not travel in clear.";
}
