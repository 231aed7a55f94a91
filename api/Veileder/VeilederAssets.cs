namespace Sykefravaer.Api.Veileder;

/// <summary>The web view's stylesheets, served from the API's assembly (the build embeds Aksel's CSS from npm and
/// ours), cached by browsers for a day.</summary>
public static class VeilederAssets
{
    private static readonly string[] Names = ["aksel.css", "veileder.css"];

    public static IEndpointRouteBuilder MapVeilederAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{VeilederPaths.Assets}/{{name}}", (string name, HttpContext http) =>
        {
            if (!Names.Contains(name, StringComparer.Ordinal)
                || typeof(VeilederAssets).Assembly.GetManifestResourceStream($"veileder-assets/{name}") is not { } css)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Stream(css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
