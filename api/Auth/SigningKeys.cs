using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Sykefravaer.Api.Auth;

/// <summary>The keys configured locally (a JWKS or a development secret), for token validation and minting.</summary>
public static class SigningKeys
{
    public const int MinimumSecretBytes = 32;

    /// <summary>The locally configured keys; empty when keys come from <see cref="AuthSettings.MetadataAddress"/>.</summary>
    public static IReadOnlyList<SecurityKey> From(AuthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            keys.Add(Symmetric(settings.SigningKey));
        }

        var jwks = !string.IsNullOrWhiteSpace(settings.JwksJson) ? settings.JwksJson
            : !string.IsNullOrWhiteSpace(settings.JwksFile) ? File.ReadAllText(settings.JwksFile)
            : null;
        if (jwks is not null)
        {
            keys.AddRange(new JsonWebKeySet(jwks).GetSigningKeys());
        }

        return keys;
    }

    public static SymmetricSecurityKey Symmetric(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return bytes.Length >= MinimumSecretBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumSecretBytes} bytes.");
    }
}
