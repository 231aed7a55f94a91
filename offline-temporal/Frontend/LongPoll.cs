using Grpc.Core;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>
/// How long a long poll may wait: up to a cap like Temporal's, and always ending a little before the caller's
/// deadline so that the caller gets an empty answer rather than a deadline error. Measured in real time, not
/// virtual time: it is about the caller's patience.
/// </summary>
internal static class LongPoll
{
    public static readonly TimeSpan TaskPollCap = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan HistoryPollCap = TimeSpan.FromSeconds(20);

    public static TimeSpan Budget(ServerCallContext context, TimeSpan cap)
    {
        if (context.Deadline == DateTime.MaxValue)
        {
            return cap;
        }
        var remaining = context.Deadline - DateTime.UtcNow;
        var margin = remaining > TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(1) : remaining / 4;
        var budget = remaining - margin;
        return budget < TimeSpan.Zero ? TimeSpan.Zero : budget < cap ? budget : cap;
    }

    /// <summary>Waits for <paramref name="signal"/> at most <paramref name="budget"/>; false if it did not come.</summary>
    public static async Task<bool> WaitAsync(Task signal, TimeSpan budget, CancellationToken cancellation)
    {
        try
        {
            await signal.WaitAsync(budget, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
