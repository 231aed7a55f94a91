using System.Collections.Concurrent;

namespace Sykefravaer.OfflineTemporal.Engine.Matching;

/// <summary>
/// All task queues, created on first use. Workflow queues carry <see cref="WorkflowTaskTicket"/>s (workflow tasks and
/// query-only tasks); activity queues carry <see cref="ActivityTaskTicket"/>s.
/// </summary>
internal sealed class Matcher
{
    private readonly ConcurrentDictionary<TaskQueueKey, TaskQueue<WorkflowQueueTicket>> workflowQueues = new();
    private readonly ConcurrentDictionary<TaskQueueKey, TaskQueue<ActivityTaskTicket>> activityQueues = new();
    private readonly ConcurrentDictionary<(string Namespace, string Name), bool> closedStickyQueues = new();

    public TaskQueue<WorkflowQueueTicket> WorkflowQueue(string ns, string name) =>
        workflowQueues.GetOrAdd(new TaskQueueKey(ns, name, TaskQueueType.Workflow), _ => new());

    public TaskQueue<ActivityTaskTicket> ActivityQueue(string ns, string name) =>
        activityQueues.GetOrAdd(new TaskQueueKey(ns, name, TaskQueueType.Activity), _ => new());

    /// <summary>
    /// Records that the worker owning a sticky queue has shut down, and returns the tickets it left behind so they can
    /// be sent to the normal queue instead. Sticky queue names are unique per worker, so a closed one never reopens.
    /// </summary>
    public List<WorkflowQueueTicket> CloseStickyQueue(string ns, string name)
    {
        closedStickyQueues[(ns, name)] = true;
        return WorkflowQueue(ns, name).Drain();
    }

    public bool IsStickyQueueClosed(string ns, string name) => closedStickyQueues.ContainsKey((ns, name));
}
