using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Effects;

/// <summary>A validated notice for the outbox.</summary>
public sealed record NoticeToSend(
    string IdempotencyKey, Guid CaseId, string PersonRef, string Code, Recipient To, NoticePayload Payload, string Cause);

/// <summary>A validated task for a veileder's work list.</summary>
/// <param name="NotBefore">Hidden from the work list until this date, when set.</param>
/// <param name="Due">The date to act by, where meaningful.</param>
public sealed record TaskToCreate(
    string IdempotencyKey, Guid CaseId, string PersonRef, string Code, DateOnly DecidedOn, DateOnly? NotBefore, DateOnly? Due, string Cause);

/// <summary>A validated decision or exemption for the audit trail.</summary>
public sealed record DecisionToRecord(
    string IdempotencyKey, Guid CaseId, string PersonRef, string Code, DateOnly DecidedOn, string Cause, string? DecidedBy);
