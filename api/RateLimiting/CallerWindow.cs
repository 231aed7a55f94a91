using System.Threading.RateLimiting;
using Sykefravaer.Api.Auth;

namespace Sykefravaer.Api.RateLimiting;

/// <summary>One fixed window per caller (<see cref="Caller.ClientOf"/>): one veileder or one upstream system using up
/// its limit leaves everyone else's alone.</summary>
internal static partial class CallerWindow
{
    public static RateLimitPartition<string> Partition(HttpContext httpContext, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(
            Caller.ClientOf(httpContext.User),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                // Refused at once rather than queued: a queued request holds its connection and its body (with a
                // fødselsnummer) in memory, and the caller learns nothing from waiting.
                QueueLimit = 0,
            });

    /// <summary>Who was refused, for the operators: the caller's key (a NAVident or a client id), never the body.</summary>
    public static void LogRefused(ILogger logger, string limit, HttpContext httpContext) =>
        LogRefusedCaller(logger, limit, Caller.ClientOf(httpContext.User));

    /// <summary>Whole seconds until the caller may try again, as <c>Retry-After</c> says it: the limiter's own
    /// estimate, else the window; never 0, which would invite an immediate retry.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease, WindowLimit limit)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Limit} reached by {Caller}; answered 429")]
    private static partial void LogRefusedCaller(ILogger logger, string limit, string caller);
}
