namespace Sykefravaer.OfflineTemporal.Engine.Time;

/// <summary>One thing the <see cref="VirtualClock"/> will do at a given moment, unless cancelled first.</summary>
internal sealed class Alarm(DateTime due, object owner, Action callback)
{
    private int state; // 0 pending, 1 fired or cancelled

    public DateTime Due { get; } = due;

    public object Owner { get; } = owner;

    public bool IsPending => Volatile.Read(ref state) == 0;

    /// <summary>Makes sure the alarm will not fire. Harmless if it already has.</summary>
    public void Cancel() => Interlocked.Exchange(ref state, 1);

    internal void Fire()
    {
        if (Interlocked.Exchange(ref state, 1) == 0)
        {
            callback();
        }
    }
}
