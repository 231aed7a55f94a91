using Microsoft.Extensions.Options;
using Sykefravaer.Api.Access;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Hosting;

/// <summary>
/// What the API refuses to start with, checked as the host starts. Outside Development: a symmetric signing key
/// (whoever has it mints any token; sign in with Entra ID or a JWKS), said more pointedly beside Entra ID (the weaker
/// of the two would decide), and a public pseudonym key (the shipped development and compose defaults say so in their
/// value: "not-a-secret", "change-me"). In Production: no token exchange for the access service (NAIS sets
/// NAIS_TOKEN_EXCHANGE_ENDPOINT in every pod with Entra ID, so its absence means the API is not where it thinks; Test
/// and Staging may forward the veileder's token to a loopback or stand-in service). Everywhere: signing keys fetched
/// over plain http, except from loopback in Development or Test.
/// </summary>
/// <remarks>The development encryption key is refused by the key ring itself (docs/SECURITY.md).</remarks>
internal sealed class ProductionGuards(
    IHostEnvironment environment, IOptions<AuthSettings> auth, IOptions<AccessSettings> access, IConfiguration configuration) : IHostedService
{
    private static readonly string[] PublicSecretMarkers = ["not-a-secret", "change-me"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Refusal() is { } reason)
        {
            throw new InvalidOperationException($"The API does not start in {environment.EnvironmentName}: {reason}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal string? Refusal()
    {
        var settings = auth.Value;
        // Everywhere, Development too: JwtBearer would only refuse it at the first request, as a 500.
        if (!string.IsNullOrWhiteSpace(settings.MetadataAddress) && MetadataTransport.Problem(environment, settings.MetadataAddress) is { } transport)
        {
            return transport;
        }

        if (environment.IsDevelopment())
        {
            return null;
        }

        var symmetric = !string.IsNullOrWhiteSpace(settings.SigningKey);
        if (symmetric && !string.IsNullOrWhiteSpace(settings.MetadataAddress))
        {
            return "both Auth__SigningKey (a symmetric development key) and Auth__MetadataAddress (Entra ID) are set; remove Auth__SigningKey.";
        }

        if (symmetric)
        {
            return "Auth__SigningKey is a symmetric key, for development only (whoever has it can mint any token); sign in with Entra ID (Auth__MetadataAddress) or a JWKS.";
        }

        var pseudonymKey = configuration["Pseudonym:Key"] ?? string.Empty;
        if (PublicSecretMarkers.Any(marker => pseudonymKey.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return "Pseudonym__Key is a public default; set a secret of your own (at least 32 bytes) from a NAIS secret.";
        }

        return environment.IsProduction() && access.Value.TokenExchange.Endpoint is null
            ? $"no token exchange for the access service: neither Access__TokenExchange__Endpoint nor {TokenExchangeSettings.NaisEndpointVariable} "
              + "is set, and the veileder's own token would be sent to the access service, which takes only tokens for its audience. "
              + "On NAIS the platform sets it for an application with azure.application.enabled."
            : null;
    }
}
