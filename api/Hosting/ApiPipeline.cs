using Sykefravaer.Api.Codec;
using Sykefravaer.Api.Events;
using Sykefravaer.Api.Operators;
using Sykefravaer.Api.Reads;
using Sykefravaer.Api.Veileder;
using Sykefravaer.Hosting.Telemetry;

namespace Sykefravaer.Api.Hosting;

/// <summary>The request pipeline and every endpoint. There is no request or body logging: bodies carry
/// fødselsnumre, and the routes never do.</summary>
public static class ApiPipeline
{
    public static WebApplication UseSykefravaerApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        // 401, 403 and 404 without a body get problem details too.
        app.UseStatusCodePages();
        // Before authentication: a browser's preflight carries no token.
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        // After both: the limit is the authenticated caller's, and a request without a valid token (401) or role
        // (403) counts against nobody's.
        app.UseRateLimiter();
        // The web view's forms (a POST with the session cookie) carry a token of this site.
        app.UseAntiforgery();

        app.MapOpenApi();
        app.MapGet("/health", () => Results.Ok(new { status = "UP" })).WithTags("Health").AllowAnonymous();
        app.MapEngineOperations();
        app.MapEventEndpoints();
        app.MapCaseEndpoints();
        app.MapTaskEndpoints();
        app.MapParkedCaseEndpoints();
        app.MapCodecEndpoints();
        app.MapVeilederPages();
        return app;
    }
}
