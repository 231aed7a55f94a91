using Microsoft.Extensions.Logging;
using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;
using Temporalio.Workflows;

namespace Sykefravaer.Workflows;

/// <summary>
/// One sick-leave case (oppfølgingstilfelle) of one person, as a durable Temporal workflow. A thin, deterministic
/// driver over <see cref="CaseState"/>: it applies each event signal, sleeps until <see cref="CaseState.NextWakeUp"/>
/// (or the next event), and runs an activity for every effect the rules decide. The workflow ID is the person's
/// (<see cref="CaseWorkflowIds.ForPerson"/>) and each run is one case: the run ends when the case closes (T7,
/// MAKSDATO or death), and the next sykmelding starts a new run by signal-with-start.
/// </summary>
/// <remarks>
/// Signal handlers only queue the event; the main loop applies them in arrival order. That keeps every decision in
/// one place and lets a continue-as-new carry events that arrived while the run was finishing.
/// </remarks>
[Workflow(Name)]
public sealed class OppfolgingstilfelleWorkflow
{
    /// <summary>The workflow type, as every history of a case records it.</summary>
    public const string Name = "Oppfolgingstilfelle";

    /// <summary>A run started by an event that is not a sykmelding waits this long for one before it ends.</summary>
    private static readonly TimeSpan WaitForFirstSykmelding = TimeSpan.FromDays(1);

    private readonly Queue<CaseEvent> _inbox = new();
    private readonly CaseParking _parking = new();
    private readonly CaseWorkflowInput _input;
    private CaseState _state = CaseState.Open();
    private Guid _caseId;
    private long _projectionVersion;
    private string? _lastProjectionFingerprint;

    /// <summary>Takes the run's input before any signal or query of the first workflow task is handled.</summary>
    [WorkflowInit]
    public OppfolgingstilfelleWorkflow(CaseWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _projectionVersion = input.ProjectionVersion;
        _lastProjectionFingerprint = input.LastProjectionFingerprint;
    }

    private static DateTimeOffset Now => new(Workflow.UtcNow, TimeSpan.Zero);

    /// <summary>The case as the projection shows it: state, milestones and the timeline of effects.</summary>
    [WorkflowQuery("case")]
    public CaseProjection? Case => CaseProjections.From(_caseId, _input.PersonRef, _projectionVersion, _state, Now);

    /// <summary>The activity the case is parked on, waiting for an operator (<see cref="ResumeAsync"/>), or null.</summary>
    [WorkflowQuery("parked")]
    public ParkedActivity? Parked => _parking.Parked;

    [WorkflowRun]
    public async Task<CaseProjection?> RunAsync(CaseWorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _caseId = input.CaseId ?? Workflow.NewGuid();
        _state = input.State ?? await StateOfNewRunAsync();
        TakeOverPendingEvents(input.Pending);

        if (_state.Tilfelle is null && _inbox.Count == 0)
        {
            await Workflow.WaitConditionAsync(() => _inbox.Count > 0, WaitForFirstSykmelding);
        }

        while (true)
        {
            var firedBefore = _state.FiredMilestones;
            await ApplyInboxAsync();
            var advanced = _state.Advance(Now);
            _state = advanced.State;
            CaseMetrics.CountFired(firedBefore, _state.FiredMilestones);
            await EffectActivities.RunAsync(_parking, _caseId, _input.PersonRef, _state, advanced.Effects);
            await SaveProjectionAsync();

            if (_inbox.Count > 0)
            {
                continue; // events came in while the activities ran
            }

            if (_state.IsClosed || _state.Tilfelle is null)
            {
                await RecordClosingAsync();

                // Signals that came while the closing was recorded would end with this run: apply them first (a
                // sykmelding may reopen the case or be carried to the next).
                if (_inbox.Count > 0)
                {
                    continue;
                }

                return FinishCase();
            }

            if (Workflow.ContinueAsNewSuggested || Workflow.CurrentHistoryLength > _input.HistoryEventLimit)
            {
                var continued = _input with
                {
                    CaseId = _caseId, State = _state, Pending = null, ProjectionVersion = _projectionVersion,
                    LastProjectionFingerprint = _lastProjectionFingerprint,
                };
                throw Workflow.CreateContinueAsNewException((OppfolgingstilfelleWorkflow wf) => wf.RunAsync(continued));
            }

            await SleepUntilDueOrEventAsync(_state.NextWakeUp!.Value);
        }
    }

    [WorkflowSignal(CaseSignals.Sykmelding)]
    public Task SykmeldingAsync(SykmeldingMottatt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.SykmeldingKorrigert)]
    public Task SykmeldingKorrigertAsync(SykmeldingKorrigert e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.SykmeldingAvbrutt)]
    public Task SykmeldingAvbruttAsync(SykmeldingAvbrutt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.Friskmelding)]
    public Task FriskmeldingAsync(FriskmeldingMottatt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.OppfolgingsplanDelt)]
    public Task OppfolgingsplanDeltAsync(OppfolgingsplanDelt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.Motebehov)]
    public Task MotebehovAsync(MotebehovMeldt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.Dialogmote)]
    public Task DialogmoteAsync(DialogmoteRegistrert e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.AktivitetskravVurdering)]
    public Task AktivitetskravVurderingAsync(AktivitetskravVurdert e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.ForhandsvarselSvar)]
    public Task ForhandsvarselSvarAsync(ForhandsvarselSvar e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.FriskmeldingTilArbeidsformidling)]
    public Task FriskmeldingTilArbeidsformidlingAsync(FriskmeldingTilArbeidsformidling e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.Dodsfall)]
    public Task DodsfallAsync(Dodsfall e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.KartleggingSvar)]
    public Task KartleggingSvarAsync(KartleggingSvarMottatt e) => ReceiveAsync(e);

    [WorkflowSignal(CaseSignals.SnartSluttSvar)]
    public Task SnartSluttSvarAsync(SnartSluttSvarMottatt e) => ReceiveAsync(e);

    /// <summary>An operator's answer to a parked case: retry the failed write or skip it.</summary>
    [WorkflowSignal(CaseResume.Signal)]
    public Task ResumeAsync(CaseResume answer)
    {
        _parking.Receive(answer);
        return Task.CompletedTask;
    }

    private Task ReceiveAsync(CaseEvent e)
    {
        _inbox.Enqueue(e);
        return Task.CompletedTask;
    }

    /// <summary>Events carried over from the previous run go before any signal this run has already received.</summary>
    private void TakeOverPendingEvents(IReadOnlyList<CaseEvent>? pending)
    {
        if (pending is not { Count: > 0 })
        {
            return;
        }

        var receivedInThisRun = _inbox.ToList();
        _inbox.Clear();
        foreach (var e in pending.Concat(receivedInThisRun))
        {
            _inbox.Enqueue(e);
        }
    }

    private async Task ApplyInboxAsync()
    {
        while (_inbox.TryDequeue(out var e))
        {
            CaseDecision decision;
            try
            {
                decision = _state.Apply(e, Now);
            }
            catch (InvalidInputException rejected)
            {
                // Senders validate before signalling; an event that still cannot be true is logged (ids only, never
                // personal data) and dropped, so one bad message cannot stop the case.
                Workflow.Logger.LogWarning(
                    "Case {CaseId}: rejected {EventType} {EventId}: {Field}: {Problem}",
                    _caseId, e.GetType().Name, e.Id, rejected.Field, rejected.Problem);
                continue;
            }

            var redelivery = _state.HasSeen(e);
            _state = decision.State;
            // A redelivery is not recorded again: one that differs from the first delivery would conflict with its record.
            if (!redelivery)
            {
                await EffectActivities.RecordDecisionAsync(_parking, _caseId, _input.PersonRef, e, NorwegianTime.DateOf(Now));
            }

            await EffectActivities.RunAsync(_parking, _caseId, _input.PersonRef, _state, decision.Effects);
        }
    }

    private async Task SaveProjectionAsync()
    {
        var projection = CaseProjections.From(_caseId, _input.PersonRef, _projectionVersion + 1, _state, Now);
        if (projection is null)
        {
            return;
        }

        if (!Workflow.Patched(WorkflowPatches.ProjectionShowsPeriodsAndEvents))
        {
            // Release 1's projection: it changes, and is written, only where a release-1 run wrote it.
            projection = CaseProjections.AsReleased(projection);
        }

        // Written only when what it shows has changed: a duplicate event or a pass after events arrived changes nothing.
        var fingerprint = ProjectionFingerprint.Of(projection);
        if (fingerprint == _lastProjectionFingerprint)
        {
            return;
        }

        _projectionVersion++;
        await _parking.RunAsync(_caseId, _input.PersonRef, () => Workflow.ExecuteLocalActivityAsync(
            (CaseActivities a) => a.UpdateProjectionAsync(projection), CaseActivityOptions.Local));
        _lastProjectionFingerprint = fingerprint;
    }

    /// <summary>
    /// A run started by signal-with-start (not carried over): a new case, or, when the event it was started for
    /// belongs to the person's last closed case (T1 across runs, <see cref="CaseState.Continues"/>), that case again:
    /// same case id, start, maksdato and milestones already decided, its projection updated in place. Its rules then
    /// decide as they would have had the run still been there (reopen, keep closed, or carry the event to a new case).
    /// </summary>
    private async Task<CaseState> StateOfNewRunAsync()
    {
        var earlier = await EarlierTilfellerAsync();
        if (await ClosedCaseToContinueAsync() is { } closed)
        {
            _caseId = closed.CaseId;
            _projectionVersion = closed.ProjectionVersion;
            return closed.State;
        }

        return CaseState.Open(NewCaseRuleSetVersion(), _input.BirthDate, earlier);
    }

    private async Task<ClosedCase?> ClosedCaseToContinueAsync()
    {
        if (_inbox.Count == 0)
        {
            return null;
        }

        var query = new LastClosedCaseQuery(_input.PersonRef);
        var closed = await Workflow.ExecuteLocalActivityAsync(
            (CaseActivities a) => a.LastClosedCaseAsync(query), CaseActivityOptions.Local);
        return closed is not null && closed.State.Continues(_inbox.Peek()) ? closed : null;
    }

    /// <summary>
    /// M2 across runs: a new run for the person (started by signal-with-start, not carried over) counts the
    /// sykepengedager of the person's earlier cases, which their runs remembered when they closed. M2 counts the last
    /// 3 years; one year more is read so that a back-dated sykmelding is covered too.
    /// </summary>
    private async Task<IReadOnlyList<Oppfolgingstilfelle>> EarlierTilfellerAsync()
    {
        var query = new EarlierTilfellerQuery(_input.PersonRef, NorwegianTime.DateOf(Now).AddYears(-4));
        return await Workflow.ExecuteLocalActivityAsync(
            (CaseActivities a) => a.EarlierTilfellerAsync(query), CaseActivityOptions.Local);
    }

    /// <summary>Every sykmelding was withdrawn, so the case has nothing left to show; its read model, written while it
    /// had sick days, is closed as AVBRUTT rather than left showing an open case.</summary>
    private async Task CloseWithdrawnCaseAsync()
    {
        if (_state.Tilfelle is not null || _projectionVersion == 0)
        {
            return;
        }

        _projectionVersion++;
        var command = new WithdrawnCaseCommand(_caseId, _input.PersonRef, _projectionVersion, NorwegianTime.DateOf(Now));
        await _parking.RunAsync(_caseId, _input.PersonRef, () => Workflow.ExecuteLocalActivityAsync(
            (CaseActivities a) => a.CloseWithdrawnCaseAsync(command), CaseActivityOptions.Local));
    }

    /// <summary>Remembers this case's tilfelle for the person's later cases (see <see cref="EarlierTilfellerAsync"/>),
    /// and the case itself, so the person's next run can continue it (see <see cref="StateOfNewRunAsync"/>).</summary>
    private async Task RememberClosedTilfelleAsync()
    {
        if (_state.Tilfelle is not { } tilfelle)
        {
            return;
        }

        var closed = new ClosedCaseCommand(_caseId, _input.PersonRef, tilfelle, _projectionVersion, _state);
        await _parking.RunAsync(_caseId, _input.PersonRef, () => Workflow.ExecuteLocalActivityAsync(
            (CaseActivities a) => a.RecordClosedCaseAsync(closed), CaseActivityOptions.Local));
    }

    private async Task SleepUntilDueOrEventAsync(DateTimeOffset wakeUp)
    {
        var delay = wakeUp - Now;
        if (delay <= TimeSpan.Zero)
        {
            // The case was just advanced to now, so the rules cannot still be due: failing the workflow task (which
            // Temporal retries) surfaces the bug instead of spinning.
            throw new InvalidOperationException(
                $"Case {_caseId}: the rules asked to wake at {wakeUp:O}, which is not after now ({Now:O}).");
        }

        await Workflow.WaitConditionAsync(() => _inbox.Count > 0, delay);
    }

    /// <summary>
    /// The rule set a new case starts under (docs/EVOLUTION.md): the one the input names, else release 1's, 2026.
    /// Spelled out, not <c>RuleSets.Default</c>: a new default is picked for new cases behind a patch, so that a case
    /// replays under the version it started with, whatever the default is when it is replayed.
    /// </summary>
    private string NewCaseRuleSetVersion() => _input.RuleSetVersion ?? RuleSets.V2026;

    /// <summary>What the person's later cases and the read model need from a case that has closed.</summary>
    private async Task RecordClosingAsync()
    {
        await RememberClosedTilfelleAsync();
        await CloseWithdrawnCaseAsync();
    }

    /// <summary>
    /// Ends this run. Sykmeldinger that by T1 belong to a later case start that case at once as a new run of the same
    /// workflow, with the friskmeldinger that may cut them, so nothing received is lost.
    /// </summary>
    private CaseProjection? FinishCase()
    {
        var result = CaseProjections.From(_caseId, _input.PersonRef, _projectionVersion, _state, Now);
        var carryOver = _state.CarryOver;
        if (_state.Outcome != CaseOutcome.Dod && !carryOver.IsEmpty)
        {
            var now = Now;
            var earlier = _state.Tilfelle is { } closed ? _state.EarlierTilfeller.Add(closed) : _state.EarlierTilfeller;
            var friskmeldinger = _state.CarryOverFriskmeldinger
                .Select(dato => (CaseEvent)new FriskmeldingMottatt($"carried-friskmelding-{dato:yyyy-MM-dd}", now, dato));
            // The rule set goes on with the person: the next case may itself close and carry over into a third.
            var nextCase = new CaseWorkflowInput(_input.PersonRef, _input.BirthDate)
            {
                State = CaseState.Open(NewCaseRuleSetVersion(), _input.BirthDate, earlier),
                Pending = [.. carryOver.Select(s => (CaseEvent)new SykmeldingMottatt(s.Id, now, s)), .. friskmeldinger],
                RuleSetVersion = _input.RuleSetVersion,
                HistoryEventLimit = _input.HistoryEventLimit,
            };
            throw Workflow.CreateContinueAsNewException((OppfolgingstilfelleWorkflow wf) => wf.RunAsync(nextCase));
        }

        Workflow.Logger.LogInformation(
            "Case {CaseId} closed: {Outcome}", _caseId, result?.State.Outcome ?? "NO_SICK_DAYS");
        return result;
    }
}
