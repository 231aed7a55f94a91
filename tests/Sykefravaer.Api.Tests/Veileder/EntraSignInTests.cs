using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sykefravaer.Api.Tests.Auth;
using Sykefravaer.Api.Tests.Infrastructure;

namespace Sykefravaer.Api.Tests.Veileder;

/// <summary>Outside Development the web view signs veiledere in with Entra ID: the sign-in page sends the browser to
/// the identity provider's authorization endpoint (the code flow with PKCE, this application's client id, the
/// callback under /veileder), and without Entra ID configured there is no sign-in at all (no development login).</summary>
[Collection(EngineCollection.Name)]
public sealed class EntraSignInTests(ApiEngine engine)
{
    [Fact]
    public async Task The_sign_in_page_sends_the_browser_to_entra_id_with_the_code_flow_and_pkce()
    {
        using var key = new TestRsaKey("entra-1");
        await using var identity = await LocalIdentityProvider.StartAsync(key);
        var settings = engine.SettingsFor(engine.TemporalAddress);
        settings["Veileder:SignIn:MetadataAddress"] = identity.MetadataAddress;
        settings["Veileder:SignIn:ClientId"] = "sykefravaer-api-client";
        settings["Veileder:SignIn:ClientSecret"] = "test-only-client-secret";
        await using var factory = new ApiFactory(settings, engine.Logs);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var page = await browser.GetAsync(new Uri("/veileder", UriKind.Relative));
        using var signIn = await browser.GetAsync(page.Headers.Location);
        using var devLogin = await browser.PostAsync(new Uri("/veileder/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["navIdent"] = "Z990000" }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authorize = signIn.Headers.Location!.ToString();
        Assert.StartsWith(identity.AuthorizationEndpoint, authorize, StringComparison.Ordinal);
        Assert.Contains("client_id=sykefravaer-api-client", authorize, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("https://localhost/veileder/signin-oidc"), authorize, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("api://sykefravaer-api-client/.default"), authorize, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, devLogin.StatusCode);
    }

    [Fact]
    public async Task Without_entra_id_configured_outside_development_there_is_no_sign_in()
    {
        await using var factory = new ApiFactory(engine.SettingsFor(engine.TemporalAddress), engine.Logs);
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await browser.GetAsync(new Uri("/veileder/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Contains("Veileder__SignIn__", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
