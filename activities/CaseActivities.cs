using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Effects;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Activities.Validation;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Temporalio.Activities;
using Temporalio.Exceptions;

namespace Sykefravaer.Activities;

/// <summary>
/// The activities of a case: everything the workflow does to the world. Each validates its command (bad data is a
/// non-retryable <see cref="ApplicationFailureException"/> of type <see cref="ActivityErrorTypes.InvalidInput"/>),
/// then writes through <see cref="ICaseEffects"/> idempotently on case id + effect key, with its audit entry.
/// Any other exception (the database is down) is left to Temporal to retry with
/// <see cref="CaseActivityOptions.Default"/>; a retry that follows a write that did succeed returns the same receipt.
/// </summary>
public sealed class CaseActivities(ICaseEffects effects)
{
    /// <summary>Queues a notice to the sykmeldt, the arbeidsgiver or the sykmelder in the outbox.</summary>
    [Activity]
    public Task<EffectReceipt> SendNoticeAsync(EffectCommand command) =>
        RunAsync(() => effects.SendNoticeAsync(CommandMapping.Notice(command), CancellationToken));

    /// <summary>Puts a task (oppgave) on the veileder work list.</summary>
    [Activity]
    public Task<EffectReceipt> CreateTaskAsync(EffectCommand command) =>
        RunAsync(() => effects.CreateTaskAsync(CommandMapping.Task(command), CancellationToken));

    /// <summary>Queues the forhåndsvarsel to the sykmeldt, with its svarfrist in the payload.</summary>
    [Activity]
    public Task<EffectReceipt> SendForhandsvarselAsync(ForhandsvarselCommand command) =>
        RunAsync(() => effects.SendNoticeAsync(CommandMapping.Forhandsvarsel(command), CancellationToken));

    /// <summary>Starts the AAP transition: the information notice and the veileder task, in one transaction.</summary>
    [Activity]
    public Task<AapTransitionReceipt> StartAapTransitionAsync(AapTransitionCommand command) =>
        RunAsync(() =>
        {
            var (notice, task) = CommandMapping.AapTransition(command);
            return effects.SendNoticeAndCreateTaskAsync(notice, task, CancellationToken);
        });

    /// <summary>Records a decision or exemption (with its cause and who decided) in the audit trail.</summary>
    [Activity]
    public Task<EffectReceipt> RecordDecisionAsync(DecisionCommand command) =>
        RunAsync(() => effects.RecordDecisionAsync(CommandMapping.Decision(command), CancellationToken));

    /// <summary>Stores the case's read model, unless a newer version is stored already.</summary>
    [Activity]
    public Task<ProjectionReceipt> UpdateProjectionAsync(CaseProjection projection) =>
        RunAsync(() => effects.SaveProjectionAsync(CommandMapping.Projection(projection), CancellationToken));

    /// <summary>Closes the read model of a case whose every sykmelding was withdrawn.</summary>
    [Activity]
    public Task<ProjectionReceipt> CloseWithdrawnCaseAsync(WithdrawnCaseCommand command) =>
        RunAsync(() => effects.CloseWithdrawnCaseAsync(CommandMapping.WithdrawnCase(command), CancellationToken));

    /// <summary>The tilfeller of the person's earlier, closed cases (M2), oldest first.</summary>
    [Activity]
    public Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync(EarlierTilfellerQuery query) =>
        RunAsync(() => effects.EarlierTilfellerAsync(CommandMapping.EarlierTilfeller(query), CancellationToken));

    /// <summary>Remembers a closed case whole, so the person's next run can continue it (T1 across runs) and later
    /// cases count its sykepengedager (M2).</summary>
    [Activity]
    public Task<bool> RecordClosedCaseAsync(ClosedCaseCommand command) =>
        RunAsync(() => effects.RecordClosedCaseAsync(CommandMapping.ClosedCase(command), CancellationToken));

    /// <summary>The person's last closed case that can still be continued, or null.</summary>
    [Activity]
    public Task<ClosedCase?> LastClosedCaseAsync(LastClosedCaseQuery query) =>
        RunAsync(() => effects.LastClosedCaseAsync(CommandMapping.LastClosedCase(query), CancellationToken));

    /// <summary>Marks the case for the operators while its workflow waits for them (an activity failed for good).</summary>
    [Activity]
    public Task<bool> ParkCaseAsync(ParkCaseCommand command) =>
        RunAsync(() => effects.ParkCaseAsync(command, CancellationToken));

    /// <summary>Removes the mark once an operator has resumed the case.</summary>
    [Activity]
    public Task<bool> UnparkCaseAsync(Guid caseId) =>
        RunAsync(() => effects.UnparkCaseAsync(caseId, CancellationToken));

    // Outside a worker (a direct call in a test or tool) there is no activity context to cancel us.
    private static CancellationToken CancellationToken =>
        ActivityExecutionContext.HasCurrent ? ActivityExecutionContext.Current.CancellationToken : CancellationToken.None;

    private static async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (InvalidInputException e)
        {
            throw new ApplicationFailureException(e.Message, e, ActivityErrorTypes.InvalidInput, nonRetryable: true);
        }
    }
}
