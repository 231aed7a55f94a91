using Microsoft.Extensions.Options;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Hosting;

/// <summary>
/// What the API refuses to start with outside development, checked as the host starts: a symmetric signing key in
/// Production (whoever has it mints any token; Production signs in with Entra ID or a JWKS), a symmetric key beside
/// Entra ID in any environment but Development (the weaker of the two would decide), and a public pseudonym key in
/// Production (the shipped development and compose defaults say so in their value: "not-a-secret", "change-me").
/// </summary>
/// <remarks>The development encryption key is refused by the key ring itself (docs/SECURITY.md).</remarks>
internal sealed class ProductionGuards(IHostEnvironment environment, IOptions<AuthSettings> auth, IConfiguration configuration) : IHostedService
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
        if (environment.IsDevelopment())
        {
            return null;
        }

        var settings = auth.Value;
        var symmetric = !string.IsNullOrWhiteSpace(settings.SigningKey);
        if (symmetric && !string.IsNullOrWhiteSpace(settings.MetadataAddress))
        {
            return "both Auth__SigningKey (a symmetric development key) and Auth__MetadataAddress (Entra ID) are set; remove Auth__SigningKey.";
        }

        if (!environment.IsProduction())
        {
            return null;
        }

        if (symmetric)
        {
            return "Auth__SigningKey is a symmetric key, for development only (whoever has it can mint any token); sign in with Entra ID (Auth__MetadataAddress) or a JWKS.";
        }

        var pseudonymKey = configuration["Pseudonym:Key"] ?? string.Empty;
        return PublicSecretMarkers.Any(marker => pseudonymKey.Contains(marker, StringComparison.OrdinalIgnoreCase))
            ? "Pseudonym__Key is a public default; set a secret of your own (at least 32 bytes) from a NAIS secret."
            : null;
    }
}
