using Temporalio.Api.Common.V1;
using Temporalio.Api.Failure.V1;
using Temporalio.Api.History.V1;
using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>An activity between its scheduled event and the event that resolves it, across all its attempts.</summary>
internal sealed class ActivityState(long scheduledEventId, ActivityTaskScheduledEventAttributes scheduled, DateTime scheduledTime)
{
    public long ScheduledEventId { get; } = scheduledEventId;

    /// <summary>The scheduled event's attributes, with timeouts and retry policy already defaulted.</summary>
    public ActivityTaskScheduledEventAttributes Scheduled { get; } = scheduled;

    public string ActivityId => Scheduled.ActivityId;

    public DateTime ScheduledTime { get; } = scheduledTime;

    public ActivityPhase Phase { get; set; }

    public int Attempt { get; set; } = 1;

    public DateTime CurrentAttemptScheduledTime { get; set; } = scheduledTime;

    public DateTime? StartedTime { get; set; }

    public string StartedIdentity { get; set; } = "";

    public string StartRequestId { get; set; } = "";

    public Payloads? HeartbeatDetails { get; set; }

    public DateTime? LastHeartbeatTime { get; set; }

    public Failure? LastFailure { get; set; }

    public long CancelRequestedEventId { get; set; }

    public bool CancelRequested => CancelRequestedEventId > 0;

    /// <summary>Schedule-to-start while queued, start-to-close while started, the retry backoff in between.</summary>
    public Alarm? AttemptAlarm { get; set; }

    public Alarm? HeartbeatAlarm { get; set; }

    public Alarm? ScheduleToCloseAlarm { get; set; }

    public DateTime? ScheduleToCloseDeadline =>
        Scheduled.ScheduleToCloseTimeout is { } timeout && timeout.ToTimeSpan() > TimeSpan.Zero
            ? ScheduledTime + timeout.ToTimeSpan()
            : null;

    /// <summary>Queued or started: a worker has, or should pick up, a task for it.</summary>
    public bool IsDispatched => Phase is ActivityPhase.Queued or ActivityPhase.Started;

    public void CancelAlarms()
    {
        AttemptAlarm?.Cancel();
        HeartbeatAlarm?.Cancel();
        ScheduleToCloseAlarm?.Cancel();
    }
}

internal enum ActivityPhase
{
    /// <summary>Just scheduled; not yet on a queue.</summary>
    New,
    Queued,
    Started,
    BackingOff,
}
