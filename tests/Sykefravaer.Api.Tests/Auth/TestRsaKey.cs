using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Auth;

/// <summary>An RSA signing key as Entra ID holds one: its id (<c>kid</c>), its public half for a JWKS, and tokens
/// signed with it shaped like Entra's.</summary>
public sealed class TestRsaKey(string keyId) : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    /// <summary>The public key as a JWKS entry.</summary>
    public object Jwk
    {
        get
        {
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return new
            {
                kty = "RSA",
                use = "sig",
                alg = SecurityAlgorithms.RsaSha256,
                kid = KeyId,
                n = Base64UrlEncoder.Encode(parameters.Modulus),
                e = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }
    }

    /// <summary>The public key's bytes: what an algorithm-confusion attack uses as an HMAC secret.</summary>
    public byte[] PublicKeyBytes => rsa.ExportSubjectPublicKeyInfo();

    /// <summary>RS256 with this key, named by its <c>kid</c>.</summary>
    public SigningCredentials Credentials => new(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public string Token(params string[] roles) => Sign(Credentials, roles);

    /// <summary>A token signed with any credentials, claims as Entra ID's for the API under test.</summary>
    public static string Sign(SigningCredentials credentials, params string[] roles)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiFactory.Issuer,
            Audience = ApiFactory.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "Z990200", ["azp"] = "syfomodiaperson", ["roles"] = roles },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = credentials,
        });
    }

    public void Dispose() => rsa.Dispose();
}
