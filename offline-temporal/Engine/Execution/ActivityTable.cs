namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// A run's pending activities, from their scheduled event until the event that resolves them, and how many of them a
/// worker has or should pick up (which keeps time skipping from jumping past work in progress).
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class ActivityTable
{
    private readonly Dictionary<long, ActivityState> activities = [];

    // Kept rather than counted on demand because it is read on every change, to tell the work tracker whether the
    // run is busy.
    private int dispatched;

    public bool HasDispatched => dispatched > 0;

    public IEnumerable<ActivityState> Pending => activities.Values;

    public IEnumerable<ActivityState> InScheduleOrder => activities.Values.OrderBy(a => a.ScheduledEventId);

    /// <summary>Adds a scheduled activity; its phase counts as dispatched only once set through <see cref="SetPhase"/>.</summary>
    public void Add(ActivityState activity) => activities[activity.ScheduledEventId] = activity;

    /// <summary>False once the activity resolved (or the run closed): an alarm of it that fires late does nothing.</summary>
    public bool Contains(ActivityState activity) => activities.ContainsKey(activity.ScheduledEventId);

    public ActivityState? Find(long scheduledEventId) => activities.GetValueOrDefault(scheduledEventId);

    /// <summary>The activity if <paramref name="attempt"/> is its current one and it is in <paramref name="phase"/>.</summary>
    public ActivityState? FindAttempt(long scheduledEventId, int attempt, ActivityPhase phase) =>
        activities.TryGetValue(scheduledEventId, out var activity) && activity.Phase == phase && activity.Attempt == attempt
            ? activity
            : null;

    public ActivityState? FindStarted(string activityId) =>
        activities.Values.FirstOrDefault(a => a.ActivityId == activityId && a.Phase == ActivityPhase.Started);

    public bool IsActivityIdInUse(string activityId) => activities.Values.Any(a => a.ActivityId == activityId);

    public void SetPhase(ActivityState activity, ActivityPhase phase)
    {
        var wasDispatched = activities.ContainsKey(activity.ScheduledEventId) && activity.IsDispatched;
        activity.Phase = phase;
        dispatched += (activity.IsDispatched ? 1 : 0) - (wasDispatched ? 1 : 0);
    }

    /// <summary>
    /// Takes the phase a restored activity was in before the restart and leaves it new. The phase was restored only
    /// so that the run's durable state reads as it was stored; it was never counted as dispatched.
    /// </summary>
    public ActivityPhase TakeRestoredPhase(ActivityState activity)
    {
        var phase = activity.Phase;
        activity.Phase = ActivityPhase.New;
        return phase;
    }

    public void Remove(ActivityState activity)
    {
        if (activities.Remove(activity.ScheduledEventId) && activity.IsDispatched)
        {
            dispatched--;
        }
    }

    /// <summary>Forgets every activity and silences its alarms, for a run that closed.</summary>
    public void DropAll()
    {
        foreach (var activity in activities.Values.ToList())
        {
            activity.CancelAlarms();
            Remove(activity);
        }
    }
}
