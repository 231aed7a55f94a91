using System.Collections.Concurrent;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// Passes every write to the real store, but can make one write stall after it has committed, until the worker
/// cancels the activity: the moment a worker process dies with the notice or task written but the activity not yet
/// reported done. Counts the calls per idempotency key, so a test can see the activity was retried.
/// </summary>
public sealed class StallingCaseEffects(ICaseEffects inner) : ICaseEffects
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<string, bool> stallAfter = _ => false;

    /// <summary>Completes when a write has stalled.</summary>
    public Task Stalled => stalled.Task;

    /// <summary>The first write (only) whose idempotency key satisfies <paramref name="matches"/> will stall once it
    /// is committed.</summary>
    public void StallAfterWriting(Func<string, bool> matches) => stallAfter = matches;

    /// <summary>How many times an activity asked to write under <paramref name="idempotencyKey"/>.</summary>
    public int CallsFor(string idempotencyKey) => calls.GetValueOrDefault(idempotencyKey);

    public async Task<EffectReceipt> SendNoticeAsync(NoticeToSend notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var receipt = await inner.SendNoticeAsync(notice, cancellationToken);
        await AfterWriteAsync(notice.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public async Task<EffectReceipt> CreateTaskAsync(TaskToCreate task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var receipt = await inner.CreateTaskAsync(task, cancellationToken);
        await AfterWriteAsync(task.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public async Task<AapTransitionReceipt> SendNoticeAndCreateTaskAsync(NoticeToSend notice, TaskToCreate task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(task);
        var receipt = await inner.SendNoticeAndCreateTaskAsync(notice, task, cancellationToken);
        calls.AddOrUpdate(task.IdempotencyKey, 1, (_, n) => n + 1);
        await AfterWriteAsync(notice.IdempotencyKey, cancellationToken);
        return receipt;
    }

    public Task<EffectReceipt> RecordDecisionAsync(DecisionToRecord decision, CancellationToken cancellationToken) =>
        inner.RecordDecisionAsync(decision, cancellationToken);

    public Task<ProjectionReceipt> SaveProjectionAsync(CaseProjection projection, CancellationToken cancellationToken) =>
        inner.SaveProjectionAsync(projection, cancellationToken);

    public Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand withdrawn, CancellationToken cancellationToken) =>
        inner.CloseWithdrawnCaseAsync(withdrawn, cancellationToken);

    public Task<bool> RecordClosedTilfelleAsync(ClosedTilfelleCommand closed, CancellationToken cancellationToken) =>
        inner.RecordClosedTilfelleAsync(closed, cancellationToken);

    public Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query, CancellationToken cancellationToken) =>
        inner.EarlierTilfellerAsync(query, cancellationToken);

    public Task<bool> RecordClosedCaseAsync(ClosedCaseCommand closed, CancellationToken cancellationToken) =>
        inner.RecordClosedCaseAsync(closed, cancellationToken);

    public Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query, CancellationToken cancellationToken) =>
        inner.LastClosedCaseAsync(query, cancellationToken);

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
