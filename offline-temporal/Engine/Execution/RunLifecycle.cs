using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// What a run keeps about its own course from start to close: the alarms that bound it, the signal request ids
/// already applied, whether a cancel was requested, and the event that closed it.
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class RunLifecycle
{
    private readonly HashSet<string> signalRequestIds = [];
    private Alarm? runTimeout;
    private Alarm? firstTaskBackoff;

    public IEnumerable<string> SignalRequestIds => signalRequestIds;

    public bool CancelRequested { get; private set; }

    /// <summary>The event that closed the run, or 0 while it is open.</summary>
    public long CloseEventId { get; private set; }

    /// <summary>True while the first workflow task waits out the start delay.</summary>
    public bool DelayingFirstTask => firstTaskBackoff is { IsPending: true };

    /// <summary>False for a retried signal already applied; a signal without a request id is always new.</summary>
    public bool TryAcceptSignal(string requestId) => requestId.Length == 0 || signalRequestIds.Add(requestId);

    /// <summary>False if a cancel was already requested: Temporal records only the first.</summary>
    public bool TryRequestCancel()
    {
        if (CancelRequested)
        {
            return false;
        }
        CancelRequested = true;
        return true;
    }

    public void ArmRunTimeout(Alarm alarm) => runTimeout = alarm;

    public void DelayFirstTask(Alarm alarm) => firstTaskBackoff = alarm;

    /// <summary>The run closed: its alarms must not fire.</summary>
    public void Closed(long closeEventId)
    {
        CloseEventId = closeEventId;
        runTimeout?.Cancel();
        firstTaskBackoff?.Cancel();
    }

    public void RestoreSignalRequestId(string requestId) => signalRequestIds.Add(requestId);

    public void RestoreCancelRequested() => CancelRequested = true;

    public void RestoreClosed(long closeEventId) => CloseEventId = closeEventId;
}
