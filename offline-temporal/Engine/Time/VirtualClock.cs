using System.Diagnostics;

namespace Sykefravaer.OfflineTemporal.Engine.Time;

/// <summary>
/// The server's notion of "now", and the one place where anything is scheduled to happen later (timers, timeouts,
/// retry backoffs, test sleeps).
/// </summary>
/// <remarks>
/// <para>
/// Time always moves with the wall clock. With time skipping (the test-server mode) it also jumps straight to the next
/// scheduled moment whenever skipping is unlocked and no work is outstanding anywhere (see <see cref="WorkTracker"/>).
/// Workflow time is simply the timestamps this clock writes on history events, so a skip is all a week-long timer
/// needs.
/// </para>
/// <para>
/// When it skips, the clock also fires the following alarms that fall within <see cref="CoalescingWindow"/>, as long
/// as each belongs to a different owner (workflow run). Without this, a thousand workflows started a few
/// milliseconds apart would each need their own skip and their own idle round trip per timer. No owner ever sees two
/// of its alarms fire together early, and nothing fires before its due time; an alarm may fire up to the window late,
/// as it may on any loaded Temporal server.
/// </para>
/// </remarks>
internal sealed class VirtualClock : IAsyncDisposable
{
    public static readonly TimeSpan CoalescingWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly PriorityQueue<Alarm, (DateTime Due, long Sequence)> alarms = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly Stopwatch realTime = Stopwatch.StartNew();
    private readonly DateTime origin = DateTime.UtcNow;
    private readonly WorkTracker work;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private TimeSpan skipped;
    private long sequence;
    private int skipLocks;

    /// <param name="work">Tells whether any work is outstanding; the clock never skips while some is.</param>
    /// <param name="timeSkipping">Whether the clock may jump ahead at all.</param>
    public VirtualClock(WorkTracker work, bool timeSkipping)
    {
        this.work = work;
        TimeSkipping = timeSkipping;
        // Temporal's test server starts with skipping locked: the SDK unlocks it only while a test waits on a result.
        skipLocks = timeSkipping ? 1 : 0;
        work.BecameIdle += Wake;
        loop = Task.Run(RunAsync);
    }

    public bool TimeSkipping { get; }

    /// <summary>Raised on the clock's loop, outside its lock, after each skip ahead, with the time skipped to.</summary>
    public event Action<DateTime>? Skipped;

    public DateTime Now
    {
        get
        {
            lock (gate)
            {
                return NowUnlocked();
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> once the clock reaches <paramref name="due"/>.</summary>
    /// <param name="owner">Who the alarm is for; alarms of one owner are never coalesced into one skip.</param>
    public Alarm Schedule(DateTime due, object owner, Action callback)
    {
        var alarm = new Alarm(due, owner, callback);
        bool earliest;
        lock (gate)
        {
            alarms.Enqueue(alarm, (due, sequence++));
            earliest = ReferenceEquals(alarms.Peek(), alarm);
        }
        // The loop already sleeps until the earliest alarm (or a skip), so only a new earliest one changes its plan.
        // Most alarms are task timeouts that are cancelled long before they are due: waking the loop for each cost a
        // thread-pool hop per workflow task.
        if (earliest)
        {
            Wake();
        }
        return alarm;
    }

    public Alarm ScheduleAfter(TimeSpan delay, object owner, Action callback) =>
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), owner, callback);

    /// <summary>
    /// After a restart of a durable time-skipping server: moves the clock on to where it had skipped to, so time never
    /// runs backwards for the workflows it restored. Call before anything is scheduled.
    /// </summary>
    public void ResumeFrom(DateTime lastNow)
    {
        lock (gate)
        {
            var behind = lastNow - NowUnlocked();
            if (behind > TimeSpan.Zero)
            {
                skipped += behind;
            }
        }
    }

    public void LockSkipping()
    {
        lock (gate)
        {
            skipLocks++;
        }
    }

    /// <returns>False when skipping was not locked (an unbalanced unlock), which the caller reports as an error.</returns>
    public bool UnlockSkipping()
    {
        lock (gate)
        {
            if (skipLocks == 0)
            {
                return false;
            }
            skipLocks--;
        }
        Wake();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        Wake();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        stopping.Dispose();
        wake.Dispose();
    }

    private void Wake()
    {
        // One pending release is enough to make the loop look again; more would only spin it.
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    private DateTime NowUnlocked() => origin + realTime.Elapsed + skipped;

    private async Task RunAsync()
    {
        var due = new List<Alarm>();
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            DateTime? skippedTo;
            lock (gate)
            {
                skippedTo = TakeDueAlarms(due) ? NowUnlocked() : null;
                wait = due.Count > 0 ? TimeSpan.Zero : UntilNextAlarm();
            }
            if (skippedTo is { } to)
            {
                Skipped?.Invoke(to);
            }
            foreach (var alarm in due)
            {
                alarm.Fire();
            }
            due.Clear();
            // Infinite (no alarm at all) is negative: it must wait too, or an idle server spins a core.
            if (wait != TimeSpan.Zero)
            {
                await wake.WaitAsync(wait, stopping.Token).ConfigureAwait(false);
            }
        }
    }

    /// <returns>Whether the clock skipped ahead.</returns>
    private bool TakeDueAlarms(List<Alarm> due)
    {
        DropCancelledHead();
        var now = NowUnlocked();
        while (alarms.TryPeek(out var alarm, out var key) && key.Due <= now)
        {
            due.Add(alarms.Dequeue());
            DropCancelledHead();
        }
        if (due.Count > 0 || !CanSkip() || !alarms.TryPeek(out _, out var next))
        {
            return false;
        }
        // Everything is idle and the next alarm is in the future: jump to it, then take along the alarms of other
        // owners that fall within the coalescing window.
        var owners = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var latest = next.Due;
        var windowEnd = next.Due + CoalescingWindow;
        while (alarms.TryPeek(out var alarm, out var key) && key.Due <= windowEnd && owners.Add(alarm.Owner))
        {
            latest = key.Due;
            due.Add(alarms.Dequeue());
            DropCancelledHead();
        }
        if (latest <= now)
        {
            return false;
        }
        skipped += latest - now;
        return true;
    }

    private void DropCancelledHead()
    {
        while (alarms.TryPeek(out var alarm, out _) && !alarm.IsPending)
        {
            alarms.Dequeue();
        }
    }

    private bool CanSkip() => TimeSkipping && skipLocks == 0 && work.IsIdle;

    private TimeSpan UntilNextAlarm()
    {
        if (!alarms.TryPeek(out _, out var next))
        {
            return Timeout.InfiniteTimeSpan;
        }
        var wait = next.Due - NowUnlocked();
        // Round up so the loop does not wake a hair early and spin; also cap it, as Task waits accept only so much.
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1)
            : wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1)
            : wait + TimeSpan.FromMilliseconds(1);
    }
}
