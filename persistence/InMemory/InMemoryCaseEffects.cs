using System.Globalization;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Persistence.InMemory;

/// <summary>
/// The effects of cases kept in memory, for <c>simulate</c> and tests that need no database. Same contract as
/// <see cref="Postgres.PostgresCaseEffects"/>: idempotent on the key (a repeat returns the first receipt, a
/// different effect under a used key is refused), the AAP pair written together, the projection never going back.
/// Thread-safe; nothing survives the process.
/// </summary>
public sealed class InMemoryCaseEffects(TimeProvider? clock = null) : ICaseEffects
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly Lock gate = new();
    private readonly Dictionary<string, RecordedNotice> notices = [];
    private readonly Dictionary<string, RecordedTask> tasks = [];
    private readonly Dictionary<string, (string Code, EffectReceipt Receipt)> decisions = [];
    private readonly Dictionary<Guid, CaseProjection> projections = [];
    private readonly List<RecordedAudit> audit = [];
    private readonly Dictionary<Guid, ClosedCaseCommand> closedCases = [];
    private readonly Dictionary<Guid, ParkCaseCommand> parked = [];
    private long nextId = 1;

    /// <summary>Gets the notices in the order they were written.</summary>
    public IReadOnlyList<RecordedNotice> Notices => Locked(() => notices.Values.OrderBy(n => n.Receipt.Id).ToList());

    /// <summary>Gets the tasks in the order they were written.</summary>
    public IReadOnlyList<RecordedTask> Tasks => Locked(() => tasks.Values.OrderBy(t => t.Receipt.Id).ToList());

    /// <summary>Gets the audit trail in the order it was written.</summary>
    public IReadOnlyList<RecordedAudit> AuditTrail => Locked(() => audit.ToList());

    /// <summary>Gets the newest stored projection of a case, or null.</summary>
    public CaseProjection? ProjectionOf(Guid caseId) => Locked(() => projections.GetValueOrDefault(caseId));

    /// <summary>Gets what parked the case, while it is parked; else null.</summary>
    public ParkCaseCommand? ParkedOf(Guid caseId) => Locked(() => parked.GetValueOrDefault(caseId));

    public Task<EffectReceipt> SendNoticeAsync(NoticeToSend notice, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => AddNotice(notice)));

    public Task<EffectReceipt> CreateTaskAsync(TaskToCreate task, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => AddTask(task)));

    public Task<AapTransitionReceipt> SendNoticeAndCreateTaskAsync(NoticeToSend notice, TaskToCreate task, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            // Both checked before either is written, as the PostgreSQL transaction would roll both back.
            CheckSame(notices.GetValueOrDefault(notice.IdempotencyKey)?.Notice, notice);
            CheckSame(tasks.GetValueOrDefault(task.IdempotencyKey)?.Task, task);
            return new AapTransitionReceipt(AddNotice(notice), AddTask(task));
        }));

    public Task<EffectReceipt> RecordDecisionAsync(DecisionToRecord decision, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            if (decisions.TryGetValue(decision.IdempotencyKey, out var stored))
            {
                EffectKeyConflict.ThrowIfDifferent(decision.IdempotencyKey, "decision", stored.Code, decision.Code);
                return stored.Receipt;
            }

            var receipt = NewReceipt(decision.IdempotencyKey);
            decisions.Add(decision.IdempotencyKey, (decision.Code, receipt));
            Audit("DECISION", decision.IdempotencyKey, decision.CaseId, decision.Code, decision.Cause);
            return receipt;
        }));

    public Task<ProjectionReceipt> SaveProjectionAsync(CaseProjection projection, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            var stored = projections.GetValueOrDefault(projection.CaseId);
            if (stored is not null && stored.Version >= projection.Version)
            {
                return new ProjectionReceipt(projection.CaseId, projection.Version, stored.Version);
            }

            projections[projection.CaseId] = projection;
            var key = IdempotencyKey.For(projection.CaseId, "projection/v" + projection.Version.ToString(CultureInfo.InvariantCulture));
            Audit("PROJECTION", key, projection.CaseId, projection.State.Outcome, "case state changed");
            return new ProjectionReceipt(projection.CaseId, projection.Version, projection.Version);
        }));

    public Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            if (projections.GetValueOrDefault(withdrawn.CaseId) is not { } stored || stored.Version >= withdrawn.Version)
            {
                return new ProjectionReceipt(withdrawn.CaseId, withdrawn.Version, projections.GetValueOrDefault(withdrawn.CaseId)?.Version ?? 0);
            }

            projections[withdrawn.CaseId] = stored with
            {
                Version = withdrawn.Version,
                State = stored.State with { Closed = withdrawn.On, Outcome = WithdrawnCaseCommand.Outcome },
                Milestones = [.. stored.Milestones.Select(m => m.Result == "PENDING" ? m with { Result = "CANCELLED" } : m)],
            };
            var key = IdempotencyKey.For(withdrawn.CaseId, "projection/v" + withdrawn.Version.ToString(CultureInfo.InvariantCulture));
            Audit("PROJECTION", key, withdrawn.CaseId, WithdrawnCaseCommand.Outcome, "case state changed");
            return new ProjectionReceipt(withdrawn.CaseId, withdrawn.Version, withdrawn.Version);
        }));

    public Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Oppfolgingstilfelle>>(Locked(() => closedCases.Values
            .Where(c => c.PersonRef == query.PersonRef && c.Tilfelle.End >= query.Since)
            .Select(c => c.Tilfelle)
            .OrderBy(t => t.Start)
            .ToList()));

    public Task<bool> RecordClosedCaseAsync(ClosedCaseCommand closed, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            if (closedCases.TryGetValue(closed.CaseId, out var stored) && stored.ProjectionVersion == closed.ProjectionVersion)
            {
                return false;
            }

            closedCases[closed.CaseId] = closed;
            Audit("TILFELLE_CLOSED", IdempotencyKey.For(closed.CaseId, closed.AuditKey), closed.CaseId, "OPPFOLGINGSTILFELLE",
                "case closed: kept so a continuing sykmelding continues it (T1) and for the maksdato of later cases (M2)");
            return true;
        }));

    public Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => closedCases.Values
            .Where(c => c.PersonRef == query.PersonRef)
            .OrderByDescending(c => c.Tilfelle.End)
            .ThenByDescending(c => c.Tilfelle.Start)
            .Select(c => new ClosedCase(c.CaseId, c.ProjectionVersion, c.State))
            .FirstOrDefault()));

    public Task<bool> ParkCaseAsync(ParkCaseCommand parked, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() =>
        {
            // As in PostgreSQL, the mark hangs off the case's read model.
            if (!projections.ContainsKey(parked.CaseId))
            {
                return false;
            }

            this.parked[parked.CaseId] = parked;
            return true;
        }));

    public Task<bool> UnparkCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => parked.Remove(caseId)));

    private static void CheckSame(NoticeToSend? stored, NoticeToSend requested)
    {
        if (stored is not null)
        {
            EffectKeyConflict.ThrowIfDifferent(
                requested.IdempotencyKey, "notice", $"{stored.Code} to {StoredCodes.Of(stored.To)}", $"{requested.Code} to {StoredCodes.Of(requested.To)}");
        }
    }

    private static void CheckSame(TaskToCreate? stored, TaskToCreate requested)
    {
        if (stored is not null)
        {
            EffectKeyConflict.ThrowIfDifferent(requested.IdempotencyKey, "task", stored.Code, requested.Code);
        }
    }

    private EffectReceipt AddNotice(NoticeToSend notice)
    {
        if (notices.TryGetValue(notice.IdempotencyKey, out var stored))
        {
            CheckSame(stored.Notice, notice);
            return stored.Receipt;
        }

        var receipt = NewReceipt(notice.IdempotencyKey);
        notices.Add(notice.IdempotencyKey, new RecordedNotice(notice, receipt));
        Audit("NOTICE", notice.IdempotencyKey, notice.CaseId, notice.Code, notice.Cause);
        return receipt;
    }

    private EffectReceipt AddTask(TaskToCreate task)
    {
        if (tasks.TryGetValue(task.IdempotencyKey, out var stored))
        {
            CheckSame(stored.Task, task);
            return stored.Receipt;
        }

        var receipt = NewReceipt(task.IdempotencyKey);
        tasks.Add(task.IdempotencyKey, new RecordedTask(task, receipt));
        Audit("TASK", task.IdempotencyKey, task.CaseId, task.Code, task.Cause);
        return receipt;
    }

    private EffectReceipt NewReceipt(string idempotencyKey) => new(idempotencyKey, nextId++, clock.GetUtcNow());

    private void Audit(string action, string key, Guid caseId, string code, string cause) =>
        audit.Add(new RecordedAudit(action, key, caseId, code, cause, clock.GetUtcNow()));

    private T Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }
}
