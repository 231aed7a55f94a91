using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Activities.Effects;

/// <summary>
/// Where the effects of a case land: PostgreSQL in the worker (<see cref="Postgres.PostgresCaseEffects"/>), memory
/// when simulating (<see cref="InMemory.InMemoryCaseEffects"/>). Every write is idempotent on its key and writes
/// its audit entry atomically with it; a repeated write returns the first write's receipt.
/// </summary>
public interface ICaseEffects
{
    /// <summary>Queues a notice for delivery (the outbox).</summary>
    Task<EffectReceipt> SendNoticeAsync(NoticeToSend notice, CancellationToken cancellationToken);

    /// <summary>Puts a task on the veileder work list.</summary>
    Task<EffectReceipt> CreateTaskAsync(TaskToCreate task, CancellationToken cancellationToken);

    /// <summary>Queues a notice and creates a task together: both or neither.</summary>
    Task<AapTransitionReceipt> SendNoticeAndCreateTaskAsync(NoticeToSend notice, TaskToCreate task, CancellationToken cancellationToken);

    /// <summary>Records a decision or exemption in the audit trail.</summary>
    Task<EffectReceipt> RecordDecisionAsync(DecisionToRecord decision, CancellationToken cancellationToken);

    /// <summary>Stores the case's read model unless a newer version is already stored.</summary>
    Task<ProjectionReceipt> SaveProjectionAsync(CaseProjection projection, CancellationToken cancellationToken);

    /// <summary>Closes the stored read model of a case whose every sykmelding was withdrawn (AVBRUTT), its pending
    /// milestones cancelled; like <see cref="SaveProjectionAsync"/>, only if the version is above the stored one.</summary>
    Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken);

    /// <summary>The tilfeller of the person's closed cases that ended on or after the query's date, oldest first.</summary>
    Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query, CancellationToken cancellationToken);

    /// <summary>Remembers a closed case whole (its tilfelle, state and projection version), replacing what an
    /// earlier close of the same case left; audited once per projection version.</summary>
    /// <returns>True when this call changed what is stored; false when it was stored like this already.</returns>
    Task<bool> RecordClosedCaseAsync(ClosedCaseCommand closed, CancellationToken cancellationToken);

    /// <summary>Marks the case parked: an activity failed with an error no retry mends and its workflow waits for an
    /// operator. Repeating it replaces the mark.</summary>
    /// <returns>True when the case was marked; false when it has no read model to carry the mark.</returns>
    Task<bool> ParkCaseAsync(ParkCaseCommand parked, CancellationToken cancellationToken);

    /// <summary>Removes the parked mark of the case, once an operator has resumed it.</summary>
    /// <returns>True when a mark was removed.</returns>
    Task<bool> UnparkCaseAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>The person's closed case that ended last and whose state is still kept, or null.</summary>
    Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query, CancellationToken cancellationToken);
}
