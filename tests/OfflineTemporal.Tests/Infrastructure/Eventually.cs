namespace OfflineTemporal.Tests.Infrastructure;

/// <summary>Polls a condition that a real server may make true a little later (its visibility store is eventually
/// consistent), so the same test passes against the offline server and against Temporal's.</summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns the first value that satisfies <paramref name="done"/>, or the last one seen after ten seconds
    /// (for the caller's assertion to describe).</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(Pause);
        }
    }
}
