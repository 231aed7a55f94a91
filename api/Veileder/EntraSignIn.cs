using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Veileder;

/// <summary>Where the web view signs veiledere in outside Development: Entra ID (<c>Veileder__SignIn__*</c>; on NAIS
/// <c>AZURE_APP_WELL_KNOWN_URL</c>, <c>AZURE_APP_CLIENT_ID</c>, <c>AZURE_APP_CLIENT_SECRET</c>).</summary>
public sealed record EntraSignInSettings
{
    public const string Section = "Veileder:SignIn";

    public string? MetadataAddress { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(MetadataAddress) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>
/// Entra ID sign-in for the web view, with Microsoft's OpenID Connect handler: the authorization code flow with PKCE,
/// the veileder's app roles and <c>NAVident</c> from the ID token, and the access token kept in the session (for the
/// access service, exchanged on the veileder's behalf). The session is the web view's cookie, not Entra's token
/// lifetime.
/// </summary>
public static class EntraSignIn
{
    public const string Scheme = "EntraId";

    public const string CallbackPath = "/veileder/signin-oidc";

    public static IServiceCollection AddEntraSignIn(this IServiceCollection services)
    {
        services.AddOptions<EntraSignInSettings>().BindConfiguration(EntraSignInSettings.Section)
            // On NAIS, with azure.application enabled, the platform's own variables need no mapping.
            .PostConfigure<IConfiguration>((settings, configuration) =>
            {
                settings.MetadataAddress ??= configuration["AZURE_APP_WELL_KNOWN_URL"];
                settings.ClientId ??= configuration["AZURE_APP_CLIENT_ID"];
                settings.ClientSecret ??= configuration["AZURE_APP_CLIENT_SECRET"];
            });
        services.AddAuthentication().AddOpenIdConnect(Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<EntraSignInSettings>, IHostEnvironment>((options, settings, environment) =>
        {
            var entra = settings.Value;
            options.SignInScheme = VeilederSession.Scheme;
            options.CallbackPath = CallbackPath;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = true;
            options.UseTokenLifetime = false;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.TokenValidationParameters.NameClaimType = "NAVident";
            options.TokenValidationParameters.RoleClaimType = ApiRoles.RoleClaim;
            if (!entra.IsConfigured)
            {
                // The scheme is always registered (the settings arrive after the services), so it must be valid
                // unconfigured too; the sign-in page never challenges it then.
                options.ClientId = "not-configured";
                options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
                return;
            }

            options.MetadataAddress = entra.MetadataAddress;
            options.RequireHttpsMetadata = !MetadataTransport.AllowsPlainHttp(environment, entra.MetadataAddress!);
            options.ClientId = entra.ClientId;
            options.ClientSecret = entra.ClientSecret;
            // A token for this application itself: what the access service's token is exchanged from.
            options.Scope.Add($"api://{entra.ClientId}/.default");
        });
        return services;
    }
}
