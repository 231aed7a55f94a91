using System.Collections.Immutable;
using Sykefravaer.Activities;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Temporalio.Workflows;

namespace Sykefravaer.Workflows;

/// <summary>
/// Carries out the effects the rules decided, one activity each, in the order decided. Runs inside the workflow:
/// it only schedules activities, which do the I/O idempotently on case id + <see cref="Effect.Key"/>. A write that fails
/// for good parks the case (<see cref="CaseParking"/>) until an operator retries or skips it.
/// </summary>
internal static class EffectActivities
{
    public static async Task RunAsync(
        CaseParking parking, Guid caseId, string personRef, CaseState state, ImmutableArray<Effect> effects)
    {
        // MAKSDATO decides an information notice and a veileder task: the AAP transition writes both or neither.
        var aap = effects.Where(e => e.Code == MilestoneCodes.Maksdato).ToList();
        if (aap.Find(e => e.Kind == EffectKind.Notice) is { } notice && aap.Find(e => e.Kind == EffectKind.Task) is { } task)
        {
            var transition = new AapTransitionCommand(caseId, personRef, notice, task, state.Maksdato ?? notice.On);
            await parking.RunAsync(caseId, personRef, () => Workflow.ExecuteActivityAsync(
                (CaseActivities a) => a.StartAapTransitionAsync(transition), CaseActivityOptions.Default));
            effects = effects.Remove(notice).Remove(task);
        }

        foreach (var effect in effects)
        {
            await parking.RunAsync(caseId, personRef, () => RunOneAsync(caseId, personRef, state, effect));
        }
    }

    private static Task RunOneAsync(Guid caseId, string personRef, CaseState state, Effect effect)
    {
        if (effect.Code == AktivitetskravProcess.ForhandsvarselCode && state.Aktivitetskrav.Svarfrist is { } svarfrist)
        {
            return Workflow.ExecuteActivityAsync(
                (CaseActivities a) => a.SendForhandsvarselAsync(new ForhandsvarselCommand(caseId, personRef, effect, svarfrist)),
                CaseActivityOptions.Default);
        }

        var command = new EffectCommand(caseId, personRef, effect);
        return effect.Kind == EffectKind.Task
            ? Workflow.ExecuteActivityAsync((CaseActivities a) => a.CreateTaskAsync(command), CaseActivityOptions.Default)
            : Workflow.ExecuteActivityAsync((CaseActivities a) => a.SendNoticeAsync(command), CaseActivityOptions.Default);
    }

    /// <summary>The utfall as the event contract spells it (<c>IKKE_OPPFYLT</c>), so audit codes read like the events.</summary>
    private static string UtfallCode(VurderingUtfall utfall) => utfall switch
    {
        VurderingUtfall.Oppfylt => "OPPFYLT",
        VurderingUtfall.Unntak => "UNNTAK",
        VurderingUtfall.Avvent => "AVVENT",
        VurderingUtfall.IkkeOppfylt => "IKKE_OPPFYLT",
        _ => throw new ArgumentOutOfRangeException(nameof(utfall), utfall, null),
    };

    /// <summary>Veileder decisions and exemptions go to the audit trail with their reasons (RULES.md, "Privacy and
    /// records"); keyed by the event's type and id, the same key the case uses for duplicates, so a redelivered event
    /// is recorded once and two senders' events that share an id are two records.</summary>
    /// <remarks>The caller skips redeliveries: one that differs from the first delivery would otherwise conflict
    /// with its record, and a conflict is an error that is not retried.</remarks>
    public static Task RecordDecisionAsync(CaseParking parking, Guid caseId, string personRef, CaseEvent e, DateOnly today)
    {
        var key = $"decision:{CaseSignals.For(e)}:{e.Id}";
        var decision = e switch
        {
            AktivitetskravVurdert v => new DecisionCommand(
                caseId, personRef, key, $"AKTIVITETSKRAV_{UtfallCode(v.Vurdering.Utfall)}",
                today, v.Vurdering.Arsak ?? "no reason given"),
            DialogmoteRegistrert { Status: DialogmoteStatus.Unntak } d => new DecisionCommand(
                caseId, personRef, key, $"DIALOGMOTE{d.Motetype}_UNNTAK", today, d.Begrunnelse ?? "no reason given"),
            _ => null,
        };
        return decision is null
            ? Task.CompletedTask
            : parking.RunAsync(caseId, personRef, () => Workflow.ExecuteLocalActivityAsync(
                (CaseActivities a) => a.RecordDecisionAsync(decision), CaseActivityOptions.Local));
    }
}
