using System.Text.Json;
using Sykefravaer.Api.Tests.Auth;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>The key the tests' tokens are signed with: RSA from a JWKS (<c>Auth__JwksJson</c>), as in production,
/// since outside Development the API refuses a symmetric key.</summary>
public static class TestSigning
{
    public static TestRsaKey Key { get; } = new("sykefravaer-api-tests");

    public static string JwksJson { get; } = JsonSerializer.Serialize(new { keys = new[] { Key.Jwk } });
}
