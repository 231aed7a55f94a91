using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.History.V1;

namespace Sykefravaer.OfflineTemporal.Engine.History;

/// <summary>
/// The event history of one workflow run: append-only, numbered from 1. Readers can wait for it to grow, which is
/// how history long polls (and so <c>GetResultAsync</c>) learn that a workflow closed.
/// </summary>
/// <remarks>Not thread-safe by itself: appends happen under the owning run's lock.</remarks>
internal sealed class HistoryLog
{
    private readonly List<HistoryEvent> events = [];
    private TaskCompletionSource? grown;

    public int Count => events.Count;

    public long LastEventId => events.Count;

    public long NextEventId => events.Count + 1;

    public HistoryEvent this[long eventId] => events[(int)(eventId - 1)];

    /// <summary>The encoded size of every event appended, as Temporal counts a history's size in bytes (for
    /// <c>historySizeBytes</c> and the continue-as-new suggestion, <see cref="HistoryLimits"/>).</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Appends an event stamped <paramref name="time"/>; <paramref name="describe"/> sets its attributes.</summary>
    public HistoryEvent Append(DateTime time, Action<HistoryEvent> describe)
    {
        var historyEvent = new HistoryEvent { EventId = NextEventId, EventTime = Timestamp.FromDateTime(time) };
        describe(historyEvent);
        historyEvent.EventType = EventTypes.Of(historyEvent.AttributesCase);
        events.Add(historyEvent);
        SizeBytes += historyEvent.CalculateSize();
        var waiting = grown;
        grown = null;
        waiting?.TrySetResult();
        return historyEvent;
    }

    /// <summary>Events with ids in [<paramref name="firstEventId"/>, <paramref name="lastEventId"/>].</summary>
    public IEnumerable<HistoryEvent> Range(long firstEventId, long lastEventId)
    {
        for (var id = Math.Max(1, firstEventId); id <= Math.Min(lastEventId, LastEventId); id++)
        {
            yield return this[id];
        }
    }

    /// <summary>A task that completes on the next append. Call under the run's lock, await outside it.</summary>
    public Task NextAppend()
    {
        grown ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return grown.Task;
    }
}
