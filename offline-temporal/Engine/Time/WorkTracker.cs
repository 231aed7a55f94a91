namespace Sykefravaer.OfflineTemporal.Engine.Time;

/// <summary>
/// Counts the workflow runs that have work outstanding (a workflow task, an activity task or a query task waiting for
/// or held by a worker). The virtual clock only skips ahead when the count is zero: skipping while a worker is busy
/// would time out its task or let a timer overtake a result that is on its way.
/// </summary>
internal sealed class WorkTracker
{
    private int busyRuns;

    /// <summary>Raised when the last outstanding work finishes.</summary>
    public event Action? BecameIdle;

    public bool IsIdle => Volatile.Read(ref busyRuns) == 0;

    /// <summary>Records that one run went from idle to busy or back; called with the run's old and new state.</summary>
    public void Transition(bool wasBusy, bool isBusy)
    {
        if (wasBusy == isBusy)
        {
            return;
        }
        if (isBusy)
        {
            Interlocked.Increment(ref busyRuns);
        }
        else if (Interlocked.Decrement(ref busyRuns) == 0)
        {
            BecameIdle?.Invoke();
        }
    }
}
