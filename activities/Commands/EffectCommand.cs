using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Commands;

/// <summary>Carry out one effect the rules decided: a notice (<see cref="CaseActivities.SendNoticeAsync"/>) or a
/// veileder task (<see cref="CaseActivities.CreateTaskAsync"/>).</summary>
/// <param name="CaseId">The case (oppfølgingstilfelle) the effect belongs to.</param>
/// <param name="PersonRef">The keyed pseudonym of the person, never the fødselsnummer.</param>
/// <param name="Effect">What to do; its <see cref="Effect.Key"/> makes the write idempotent.</param>
/// <param name="Due">For a task: the date the veileder should act by, where the rule gives one.</param>
public sealed record EffectCommand(Guid CaseId, string PersonRef, Effect Effect, DateOnly? Due = null);
