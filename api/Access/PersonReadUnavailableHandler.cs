using Microsoft.AspNetCore.Diagnostics;
using Sykefravaer.Api.Validation;

namespace Sykefravaer.Api.Access;

/// <summary>A read that could not be checked or recorded: 503 with Retry-After, and nothing shown.</summary>
internal sealed partial class PersonReadUnavailableHandler(ILogger<PersonReadUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PersonReadUnavailableException unavailable)
        {
            return false;
        }

        // The message names the dependency and what it did; it never holds a person.
        LogRefused(logger, httpContext.Request.Path, unavailable.Message);
        // A veileder in the web view gets a page that says so; an API client gets problem JSON.
        var answer = httpContext.Request.Path.StartsWithSegments(Veileder.VeilederPaths.Root, StringComparison.Ordinal)
            ? Veileder.VeilederPages.Unavailable(httpContext)
            : Problems.ReadUnavailable(unavailable.Dependency);
        await answer.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read of {Path} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
