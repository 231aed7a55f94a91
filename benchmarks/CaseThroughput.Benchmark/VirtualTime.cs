using Sykefravaer.Testing;
using Temporalio.Api.TestService.V1;

namespace CaseThroughput.Benchmark;

/// <summary>The time-skipping server's clock: skip to the next batch of events, or run free until every case ends.</summary>
public sealed class VirtualTime(TemporalTestServer server)
{
    public async Task<DateTimeOffset> NowAsync() =>
        new(DateTime.SpecifyKind(await server.Environment.GetCurrentTimeAsync(), DateTimeKind.Utc));

    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        var now = await NowAsync();
        if (instant > now)
        {
            await server.Environment.DelayAsync(instant - now);
        }
    }

    /// <summary>Lets the clock skip to each timer as soon as all work is idle while <paramref name="wait"/> runs (the
    /// SDK does this by itself only for the handle that started a workflow).</summary>
    public async Task<T> RunFreeWhileAsync<T>(Func<Task<T>> wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var testService = server.Client.Connection.TestService;
        await testService.UnlockTimeSkippingAsync(new UnlockTimeSkippingRequest());
        try
        {
            return await wait();
        }
        finally
        {
            await testService.LockTimeSkippingAsync(new LockTimeSkippingRequest());
        }
    }
}
