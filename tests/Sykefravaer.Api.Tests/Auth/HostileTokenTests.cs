using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Auth;

/// <summary>The tokens a security review tries: unsigned (<c>alg: none</c>), without an expiry, not valid yet, without
/// roles, and with roles joined into one string. None reads a person's data.</summary>
[Collection(EngineCollection.Name)]
public sealed class HostileTokenTests(ApiEngine engine)
{
    private const string ReadPath = "/api/v1/tasks";

    private readonly ApiClient _api = new(engine.Api.CreateClient());

    [Fact]
    public async Task An_unsigned_token_alg_none_is_refused()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var token = Part("""{"alg":"none","typ":"JWT"}""") + "." +
            Part($$"""{"iss":"{{ApiFactory.Issuer}}","aud":"{{ApiFactory.Audience}}","sub":"x","roles":["{{ApiRoles.Veileder}}"],"exp":{{exp}}}""") + ".";

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(token));
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused()
    {
        var token = Mint(new() { ["roles"] = new[] { ApiRoles.Veileder } }, withExpiry: false);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(token));
    }

    [Fact]
    public async Task A_token_not_valid_before_an_hour_from_now_is_refused()
    {
        var token = Mint(new() { ["roles"] = new[] { ApiRoles.Veileder } }, notBefore: DateTime.UtcNow.AddHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(token));
    }

    [Fact]
    public async Task A_valid_token_without_roles_is_forbidden()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(Mint([])));
    }

    [Fact]
    public async Task Roles_joined_into_one_string_grant_none_of_them()
    {
        var token = Mint(new() { ["roles"] = $"{ApiRoles.EventsWrite},{ApiRoles.Veileder}" });

        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(token));
    }

    [Fact]
    public async Task The_same_token_properly_signed_and_with_its_role_reads()
    {
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(Mint(new() { ["roles"] = new[] { ApiRoles.Veileder } })));
    }

    private async Task<HttpStatusCode> ReadAsync(string token)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, ReadPath, null, token);
        return response.StatusCode;
    }

    private static string Mint(Dictionary<string, object> claims, DateTime? notBefore = null, bool withExpiry = true)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ApiFactory.Issuer,
            Audience = ApiFactory.Audience,
            Claims = new Dictionary<string, object>(claims) { ["sub"] = "Z990001" },
            NotBefore = notBefore,
            Expires = withExpiry ? (notBefore ?? DateTime.UtcNow).AddMinutes(5) : null,
            SigningCredentials = TestSigning.Key.Credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
