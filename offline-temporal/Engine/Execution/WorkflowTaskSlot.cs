using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>The one workflow task a run may have at a time: scheduled, then started by a worker's poll.</summary>
internal sealed class WorkflowTaskSlot(long scheduledEventId, int attempt, string queueName, bool onStickyQueue, DateTime scheduledTime)
{
    public long ScheduledEventId { get; } = scheduledEventId;

    public int Attempt { get; } = attempt;

    /// <summary>The queue the task was put on: the run's own, or the sticky queue of the worker caching it.</summary>
    public string QueueName { get; } = queueName;

    public bool OnStickyQueue { get; } = onStickyQueue;

    public DateTime ScheduledTime { get; } = scheduledTime;

    public long StartedEventId { get; set; }

    public DateTime StartedTime { get; set; }

    public bool IsStarted => StartedEventId > 0;

    /// <summary>Sticky schedule-to-start while waiting, then start-to-close once started.</summary>
    public Alarm? Timeout { get; set; }

    /// <summary>Queries that ride along with this task and are answered in its completion.</summary>
    public List<PendingQuery> Queries { get; } = [];

    /// <summary>Updates whose requests were delivered with this task.</summary>
    public List<UpdateState> Updates { get; } = [];
}
