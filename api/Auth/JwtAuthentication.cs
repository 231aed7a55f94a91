using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Sykefravaer.Api.Auth;

/// <summary>JWT bearer authentication as with NAV's Entra ID tokens, and the two role policies.</summary>
public static class JwtAuthentication
{
    private const string NotConfigured =
        "Authentication is not configured: set Auth__Issuer, Auth__Audience and one of Auth__MetadataAddress, "
        + "Auth__JwksJson, Auth__JwksFile or (development) Auth__SigningKey. See README.md, \"HTTP API\".";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthSettings>()
            .BindConfiguration(AuthSettings.Section)
            .Validate(IsComplete, NotConfigured)
            .ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>, IHostEnvironment>((options, auth, environment) => Configure(options, auth.Value, environment));

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.SubmitEventsPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ApiRoles.EventsWrite))
            .AddPolicy(ApiRoles.VeilederPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ApiRoles.Veileder))
            .AddPolicy(ApiRoles.OperatorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ApiRoles.Operator))
            .AddPolicy(ApiRoles.CodecPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ApiRoles.Codec));
        return services;
    }

    private static bool IsComplete(AuthSettings settings) =>
        !string.IsNullOrWhiteSpace(settings.Issuer)
        && !string.IsNullOrWhiteSpace(settings.Audience)
        && (!string.IsNullOrWhiteSpace(settings.MetadataAddress) || SigningKeys.From(settings).Count > 0);

    private static void Configure(JwtBearerOptions options, AuthSettings settings, IHostEnvironment environment)
    {
        // Claims keep their names from the token ("roles", "sub"), not the WS-Federation URIs.
        options.MapInboundClaims = false;
        if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
        {
            options.MetadataAddress = settings.MetadataAddress;
            options.RequireHttpsMetadata = !MetadataTransport.AllowsPlainHttp(environment, settings.MetadataAddress);
        }

        var localKeys = SigningKeys.From(settings);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = localKeys.Count > 0 ? localKeys : null,
            RoleClaimType = ApiRoles.RoleClaim,
            NameClaimType = "sub",
            ClockSkew = settings.ClockSkew,
        };
    }
}
