using Sykefravaer.OfflineTemporal.Engine.Execution;

namespace Sykefravaer.OfflineTemporal.Engine.Matching;

/// <summary>A pointer to work on a workflow task queue: a workflow task or a query-only task of one run.</summary>
internal abstract record WorkflowQueueTicket(WorkflowRun Run);

/// <summary>The workflow task scheduled by event <paramref name="ScheduledEventId"/>.</summary>
internal sealed record WorkflowTaskTicket(WorkflowRun Run, long ScheduledEventId) : WorkflowQueueTicket(Run);

/// <summary>A query to answer while no workflow task is pending (Temporal calls these legacy query tasks).</summary>
internal sealed record QueryTaskTicket(WorkflowRun Run, PendingQuery Query) : WorkflowQueueTicket(Run);

/// <summary>One attempt of the activity scheduled by event <paramref name="ScheduledEventId"/>.</summary>
internal sealed record ActivityTaskTicket(WorkflowRun Run, long ScheduledEventId, int Attempt);
