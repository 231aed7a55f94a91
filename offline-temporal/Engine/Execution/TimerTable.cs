using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>A run's running timers, each with its started event and the alarm that fires it.</summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class TimerTable
{
    private readonly Dictionary<string, (long StartedEventId, Alarm Alarm)> running = [];

    // Timers a restore found running in history: their alarms are armed only when the restored run resumes, once
    // every run is back.
    private readonly List<RestoredTimer> restored = [];

    public bool IsRunning(string timerId) => running.ContainsKey(timerId);

    public void Started(string timerId, long startedEventId, Alarm alarm) => running[timerId] = (startedEventId, alarm);

    /// <summary>Removes a running timer (it fired or is cancelled); false if it is not running.</summary>
    public bool TryRemove(string timerId, out (long StartedEventId, Alarm Alarm) timer) => running.Remove(timerId, out timer);

    public void CancelAll()
    {
        foreach (var timer in running.Values)
        {
            timer.Alarm.Cancel();
        }
        running.Clear();
    }

    public void AddRestored(RestoredTimer timer) => restored.Add(timer);

    public List<RestoredTimer> TakeRestored()
    {
        var timers = restored.ToList();
        restored.Clear();
        return timers;
    }
}

/// <summary>A timer found running in a restored run's history, and when it is due.</summary>
internal sealed record RestoredTimer(string TimerId, long StartedEventId, DateTime Due);
