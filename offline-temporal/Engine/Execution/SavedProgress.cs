namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>What the durable store already holds of a run, so that a save writes only what changed since.</summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class SavedProgress
{
    private byte[]? state;

    /// <summary>True once the store has the run at all.</summary>
    public bool IsSaved { get; private set; }

    /// <summary>How many of the run's history events, from the first, the store has.</summary>
    public long EventCount { get; private set; }

    /// <summary>Whether the store has the run with every event up to <paramref name="lastEventId"/>.</summary>
    public bool HasEventsUpTo(long lastEventId) => IsSaved && EventCount == lastEventId;

    public bool StateDiffers(byte[] current) => state is null || !current.AsSpan().SequenceEqual(state);

    /// <param name="newState">Null if the state written is unchanged.</param>
    public void Saved(int newEventCount, byte[]? newState)
    {
        IsSaved = true;
        EventCount += newEventCount;
        if (newState is not null)
        {
            state = newState;
        }
    }

    public void Restored(long eventCount, byte[] restoredState)
    {
        IsSaved = true;
        EventCount = eventCount;
        state = restoredState;
    }
}
