using System.Net;
using Microsoft.IdentityModel.Tokens;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Auth;

/// <summary>
/// The production key path: <c>Auth__MetadataAddress</c> names an OpenID configuration served over HTTP by a local
/// identity provider, whose JWKS holds RSA keys, as Entra ID's does. Tokens signed with a published key are accepted;
/// another RSA key, and any HS256 token, are not; a key rotated in (a new <c>kid</c>) is accepted once JwtBearer has
/// fetched the JWKS again, which it does when a token names a key it does not know.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EntraIdSigningKeyTests(ApiEngine engine)
{
    private const string ReadPath = "/api/v1/tasks";

    [Fact]
    public async Task A_token_signed_with_the_published_key_is_accepted_and_one_signed_with_another_key_is_not()
    {
        using var published = new TestRsaKey("entra-key-1");
        using var another = new TestRsaKey("someone-elses-key");
        using var impostor = new TestRsaKey(published.KeyId); // another key claiming the published key's id
        await using var identity = await LocalIdentityProvider.StartAsync(published);
        await using var api = Api(identity);
        var client = new ApiClient(api.CreateClient());

        Assert.Equal(HttpStatusCode.OK, await ReadAsync(client, published.Token(ApiRoles.Veileder)));
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAsync(client, published.Token(ApiRoles.EventsWrite)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, another.Token(ApiRoles.Veileder)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, impostor.Token(ApiRoles.Veileder)));
    }

    [Fact]
    public async Task An_hs256_token_is_refused_whatever_secret_signed_it()
    {
        using var published = new TestRsaKey("entra-key-1");
        await using var identity = await LocalIdentityProvider.StartAsync(published);
        await using var api = Api(identity);
        var client = new ApiClient(api.CreateClient());
        var withTheTestSecret = TestRsaKey.Sign(
            new SigningCredentials(SigningKeys.Symmetric(ApiFactory.SigningKey), SecurityAlgorithms.HmacSha256), ApiRoles.Veileder);
        // Algorithm confusion: the public key (which anyone can fetch) as the HMAC secret, under the published kid.
        var withThePublicKey = TestRsaKey.Sign(
            new SigningCredentials(new SymmetricSecurityKey(published.PublicKeyBytes) { KeyId = published.KeyId }, SecurityAlgorithms.HmacSha256),
            ApiRoles.Veileder);

        Assert.Equal(HttpStatusCode.OK, await ReadAsync(client, published.Token(ApiRoles.Veileder)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, withTheTestSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(client, withThePublicKey));
    }

    [Fact]
    public async Task A_rotated_key_is_accepted_once_the_handler_has_fetched_the_jwks_again()
    {
        using var first = new TestRsaKey("entra-key-1");
        using var rotated = new TestRsaKey("entra-key-2");
        await using var identity = await LocalIdentityProvider.StartAsync(first);
        await using var api = Api(identity);
        var client = new ApiClient(api.CreateClient());
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(client, first.Token(ApiRoles.Veileder)));
        var fetchesBefore = identity.JwksRequests;

        identity.Publish(rotated);
        // With IdentityModel 8.16 the first token naming the new kid is refused and makes the handler fetch the JWKS
        // again, and the next is accepted; polled, so a library that refreshes before answering passes too.
        var status = await Eventually.MatchAsync(
            () => ReadAsync(client, rotated.Token(ApiRoles.Veileder)), s => s == HttpStatusCode.OK, "the rotated key to be accepted");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(identity.JwksRequests > fetchesBefore, "the JWKS was fetched again");
    }

    private ApiFactory Api(LocalIdentityProvider identity)
    {
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings.Remove("Auth:JwksJson");
        settings["Auth:MetadataAddress"] = identity.MetadataAddress;
        return new ApiFactory(settings, engine.Logs);
    }

    private static async Task<HttpStatusCode> ReadAsync(ApiClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, ReadPath, null, token);
        return response.StatusCode;
    }
}
