using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sykefravaer.Api.Auth;

/// <summary>Mints tokens signed with the configured symmetric key: for development and tests, where no Entra ID
/// issues them. Shaped like Entra's (issuer, audience, <c>roles</c>, <c>sub</c>, expiry).</summary>
public static class DevTokens
{
    public static string Mint(AuthSettings settings, IEnumerable<string> roles, string subject, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            throw new InvalidOperationException(
                "No Auth:SigningKey is configured: tokens can only be minted for a development setup with a symmetric key.");
        }

        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            [ApiRoles.RoleClaim] = roles.ToArray(),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeys.Symmetric(settings.SigningKey), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
