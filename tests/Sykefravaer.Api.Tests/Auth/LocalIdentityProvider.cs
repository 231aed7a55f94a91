using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sykefravaer.Api.Tests.Auth;

/// <summary>
/// Entra ID's part in signing in, on a real HTTP server on loopback: the OpenID configuration at
/// <c>/.well-known/openid-configuration</c> and the JWKS it points to, whose keys a test can rotate. The API fetches
/// both over HTTP exactly as it fetches Entra ID's, with JwtBearer's own configuration manager.
/// </summary>
public sealed class LocalIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _server;
    private volatile TestRsaKey[] _published;
    private int _jwksRequests;

    private LocalIdentityProvider(WebApplication server, TestRsaKey[] published)
    {
        _server = server;
        _published = published;
    }

    /// <summary>Gets where a browser is sent to sign in.</summary>
    public string AuthorizationEndpoint => $"{BaseAddress}/oauth2/authorize";

    /// <summary>Gets the URL the API is configured with (<c>Auth__MetadataAddress</c>).</summary>
    public string MetadataAddress => $"{BaseAddress}/.well-known/openid-configuration";

    /// <summary>Gets how often the JWKS was fetched: a refresh is a fetch.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    private string BaseAddress => _server.Urls.First();

    public static async Task<LocalIdentityProvider> StartAsync(params TestRsaKey[] published)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Port 0: the system picks a free one, and Urls says which once the server listens.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var provider = new LocalIdentityProvider(server, published);
        server.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Infrastructure.ApiFactory.Issuer,
            ["jwks_uri"] = $"{provider.BaseAddress}/discovery/keys",
            ["authorization_endpoint"] = $"{provider.BaseAddress}/oauth2/authorize",
            ["token_endpoint"] = $"{provider.BaseAddress}/oauth2/token",
            ["response_types_supported"] = new[] { "code" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        server.MapGet("/discovery/keys", () =>
        {
            Interlocked.Increment(ref provider._jwksRequests);
            return Results.Json(new { keys = provider._published.Select(key => key.Jwk).ToArray() });
        });
        await server.StartAsync();
        return provider;
    }

    /// <summary>Publishes these keys instead of the current ones, as Entra ID does when it rotates.</summary>
    public void Publish(params TestRsaKey[] keys) => _published = keys;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
