using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Commands;

/// <summary>Start the AAP transition at maksdato: information to the person and a veileder task for the
/// arbeidsevnevurdering and AAP application, written together or not at all.</summary>
/// <param name="Notice">The information notice (kind Notice, to the arbeidstaker).</param>
/// <param name="Task">The veileder task (kind Task, to the veileder); due at <paramref name="Maksdato"/>.</param>
/// <param name="Maksdato">The last day of sykepenger (rule M1), told to the person.</param>
public sealed record AapTransitionCommand(Guid CaseId, string PersonRef, Effect Notice, Effect Task, DateOnly Maksdato);
