using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.Veileder;

/// <summary>
/// The veileder's session in the web view: a cookie of its own (HttpOnly, SameSite=Strict, Secure outside
/// Development) that lasts <c>Veileder__SessionLifetime</c> (default 8 hours, a working day) and is not renewed by use,
/// holding who signed in and the token the access service is asked with. A page without a session sends the browser to
/// sign in. The pages are behind the same role and the same per-person access check as the API.
/// </summary>
public static class VeilederSession
{
    public const string Scheme = "Veileder";

    public const string PagesPolicy = "veileder-pages";

    /// <summary>The name the session keeps the veileder's token under, for the access service.</summary>
    public const string AccessToken = "access_token";

    public static IServiceCollection AddVeilederSession(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "sykefravaer-veileder";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = VeilederPaths.SignIn;
            options.AccessDeniedPath = VeilederPaths.SignIn;
            options.SlidingExpiration = false;
            options.ReturnUrlParameter = "returnUrl";
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
        {
            options.ExpireTimeSpan = configuration.GetValue<TimeSpan?>("Veileder:SessionLifetime") ?? TimeSpan.FromHours(8);
            if (!environment.IsDevelopment())
            {
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(PagesPolicy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(ApiRoles.Veileder));
        return services;
    }

    /// <summary>Starts a session for a veileder whose token has been issued (the development sign-in; Entra ID's
    /// sign-in does the same through OpenID Connect).</summary>
    public static Task SignInAsync(HttpContext http, string navIdent, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        var identity = new ClaimsIdentity(
            [new Claim("NAVident", navIdent), new Claim("sub", navIdent), new Claim(ApiRoles.RoleClaim, ApiRoles.Veileder)],
            Scheme,
            "NAVident",
            ApiRoles.RoleClaim);
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = AccessToken, Value = token }]);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), properties);
    }
}
