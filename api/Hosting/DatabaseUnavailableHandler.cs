using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Sykefravaer.Api.Validation;

namespace Sykefravaer.Api.Hosting;

/// <summary>
/// PostgreSQL out of reach during any request (a read of cases or tasks, a task marked done): 503 with Retry-After,
/// as for events, instead of a 500 that tells the caller nothing. Only errors of reaching the database: a bad query
/// is a bug and stays a 500.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException { IsTransient: true } and not NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException })
        {
            return false;
        }

        // The route and the error type only: the request may carry a fødselsnummer in its body, never in its path.
        LogUnavailable(logger, httpContext.Request.Path, exception.GetType().Name);
        await Problems.Unavailable("The database").ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unavailable during {Path} ({Error}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string path, string error);
}
