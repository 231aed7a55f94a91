using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;

namespace Sykefravaer.Persistence.InMemory;

/// <summary>A notice as the in-memory store holds it.</summary>
public sealed record RecordedNotice(NoticeToSend Notice, EffectReceipt Receipt);

/// <summary>A task as the in-memory store holds it.</summary>
public sealed record RecordedTask(TaskToCreate Task, EffectReceipt Receipt);

/// <summary>An audit entry as the in-memory store holds it.</summary>
/// <param name="Action">NOTICE, TASK, DECISION or PROJECTION, as in the audit_trail table.</param>
public sealed record RecordedAudit(string Action, string IdempotencyKey, Guid CaseId, string Code, string Cause, DateTimeOffset RecordedAt);
