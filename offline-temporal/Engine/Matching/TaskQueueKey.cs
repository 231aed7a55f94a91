namespace Sykefravaer.OfflineTemporal.Engine.Matching;

/// <summary>Names a task queue: workflow and activity queues of the same name are separate queues.</summary>
internal readonly record struct TaskQueueKey(string Namespace, string Name, TaskQueueType Type);

internal enum TaskQueueType
{
    Workflow,
    Activity,
}
