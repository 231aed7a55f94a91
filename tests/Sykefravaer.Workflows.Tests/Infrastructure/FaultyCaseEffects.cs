using System.Collections.Concurrent;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// Passes every write to the real store, but can make one write stall after it has committed, until the worker
/// cancels the activity: the moment a worker process dies with the notice or task written but the activity not yet
/// reported done. Can also refuse writes as bad data (an error no retry mends) until told to stop. Counts the calls
/// per idempotency key, so a test can see the activity was retried.
/// </summary>
public sealed class FaultyCaseEffects(ICaseEffects inner) : ICaseEffects
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<string, bool> stallAfter = _ => false;
    private volatile Func<string, bool> refuse = _ => false;

    /// <summary>Completes when a write has stalled.</summary>
    public Task Stalled => stalled.Task;

    /// <summary>The first write (only) whose idempotency key satisfies <paramref name="matches"/> will stall once it
    /// is committed.</summary>
    public void StallAfterWriting(Func<string, bool> matches) => stallAfter = matches;

    /// <summary>Every notice, task or decision whose idempotency key satisfies <paramref name="matches"/> is refused as
    /// invalid input, before anything is written, until <see cref="StopRefusing"/>.</summary>
    public void Refuse(Func<string, bool> matches) => refuse = matches;

    /// <summary>Writes are no longer refused.</summary>
    public void StopRefusing() => refuse = _ => false;

    /// <summary>How many times an activity asked to write under <paramref name="idempotencyKey"/>.</summary>
    public int CallsFor(string idempotencyKey) => calls.GetValueOrDefault(idempotencyKey);

    public async Task<EffectReceipt> SendNoticeAsync(NoticeToSend notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RefuseIfAsked(notice.IdempotencyKey);
        var receipt = await inner.SendNoticeAsync(notice, cancellationToken);
        await AfterWriteAsync(notice.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public async Task<EffectReceipt> CreateTaskAsync(TaskToCreate task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        RefuseIfAsked(task.IdempotencyKey);
        var receipt = await inner.CreateTaskAsync(task, cancellationToken);
        await AfterWriteAsync(task.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public async Task<AapTransitionReceipt> SendNoticeAndCreateTaskAsync(NoticeToSend notice, TaskToCreate task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(task);
        RefuseIfAsked(notice.IdempotencyKey);
        RefuseIfAsked(task.IdempotencyKey);
        var receipt = await inner.SendNoticeAndCreateTaskAsync(notice, task, cancellationToken);
        calls.AddOrUpdate(task.IdempotencyKey, 1, (_, n) => n + 1);
        await AfterWriteAsync(notice.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public Task<EffectReceipt> RecordDecisionAsync(DecisionToRecord decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RefuseIfAsked(decision.IdempotencyKey);
        return inner.RecordDecisionAsync(decision, cancellationToken);
    }

    public Task<ProjectionReceipt> SaveProjectionAsync(CaseProjection projection, CancellationToken cancellationToken) =>
        inner.SaveProjectionAsync(projection, cancellationToken);

    public Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken) =>
        inner.CloseWithdrawnCaseAsync(withdrawn, cancellationToken);

    public Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query, CancellationToken cancellationToken) =>
        inner.EarlierTilfellerAsync(query, cancellationToken);

    public Task<bool> RecordClosedCaseAsync(ClosedCaseCommand closed, CancellationToken cancellationToken) =>
        inner.RecordClosedCaseAsync(closed, cancellationToken);

    public Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query, CancellationToken cancellationToken) =>
        inner.LastClosedCaseAsync(query, cancellationToken);

    public Task<bool> ParkCaseAsync(ParkCaseCommand parked, CancellationToken cancellationToken) =>
        inner.ParkCaseAsync(parked, cancellationToken);

    public Task<bool> UnparkCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        inner.UnparkCaseAsync(caseId, cancellationToken);

    private void RefuseIfAsked(string idempotencyKey)
    {
        if (refuse(idempotencyKey))
        {
            calls.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);
            throw new InvalidInputException("idempotencyKey", $"{idempotencyKey} refused by the test");
        }
    }

    private async Task AfterWriteAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        calls.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);
        if (!stalled.Task.IsCompleted && stallAfter(idempotencyKey) && stalled.TrySetResult())
        {
            // Written and committed, never reported: only the worker's shutdown (cancelling the activity) ends this.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
