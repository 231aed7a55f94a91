using Sykefravaer.Testing;
using Temporalio.Api.TestService.V1;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// The shared server's virtual clock, as a case test drives it: skip ahead to a moment, wait until the cases have
/// settled, or let time run free while waiting for a case to end.
/// </summary>
public sealed class ServerClock(TemporalTestServer server)
{
    /// <summary>How long (real time) one whole case may take on a busy CI machine before the test gives up.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // A minute of quiet is enough for a case to settle: the clock skips it only once no task is outstanding.
    private static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(1);

    // Events sent at the same moment are delivered one after the other, each after the previous one settled.
    private static readonly TimeSpan SameMoment = TimeSpan.FromHours(1);

    public async Task<DateTimeOffset> NowAsync() =>
        new(DateTime.SpecifyKind(await server.Environment.GetCurrentTimeAsync(), DateTimeKind.Utc));

    /// <summary>Skips ahead to <paramref name="instant"/>: everything due by then has happened and is done.</summary>
    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        var now = await NowAsync();
        if (instant < now - SameMoment)
        {
            throw new InvalidOperationException($"The test asks to go back in time: to {instant:O}, but the server is at {now:O}.");
        }

        if (instant > now)
        {
            await server.Environment.DelayAsync(instant - now).WaitAsync(Patience);
        }
    }

    /// <summary>Waits until no task of any case is outstanding (the clock then skips the little wait).</summary>
    public Task SettleAsync() => server.Environment.DelayAsync(SettleTime).WaitAsync(Patience);

    /// <summary>
    /// Lets time run free (skipping to each timer as soon as all is idle) while <paramref name="wait"/> runs, as the
    /// SDK does by itself only for the handle that started a workflow: waiting for a case to end, whichever handle.
    /// </summary>
    public async Task<T> RunFreeWhileAsync<T>(Func<Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        if (!server.SupportsTimeSkipping)
        {
            return await wait();
        }

        var testService = server.Client.Connection.TestService;
        await testService.UnlockTimeSkippingAsync(new UnlockTimeSkippingRequest());
        try
        {
            return await wait().WaitAsync(Patience);
        }
        finally
        {
            await testService.LockTimeSkippingAsync(new LockTimeSkippingRequest());
        }
    }
}
