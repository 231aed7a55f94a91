using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Domain.Cases;

/// <summary>The case's milestone calendar under its own rule set, and firing a milestone.</summary>
public sealed partial record CaseState
{
    /// <summary>Every milestone of the case's rule set on the Norwegian date of <paramref name="now"/>.</summary>
    public MilestoneCalendar Milestones(DateTimeOffset now) => CalendarFor(Tilfelle, NorwegianTime.DateOf(now));

    /// <summary>
    /// When the workflow must next call <see cref="Advance"/> if no event comes first: the earliest of the next
    /// pending milestone, the T7 closing and the aktivitetskrav deadline; null once the case is closed or while it
    /// has no sick days. May lie in the past when the state has not been advanced since an event.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NextWakeUp
    {
        get
        {
            if (IsClosed || Tilfelle is not { } tilfelle)
            {
                return null;
            }

            DateTimeOffset?[] candidates =
            [
                CalendarFor(tilfelle, DateOnly.MinValue).NextDue,
                NorwegianTime.StartOf(ClosesOnFor(tilfelle)),
                Aktivitetskrav.NextDeadline is { } deadline ? NorwegianTime.StartOf(deadline) : null,
                NextUnansweredTaskDue is { } unanswered ? NorwegianTime.StartOf(unanswered) : null,
            ];
            return candidates.Where(c => c is not null).Min();
        }
    }

    private MilestoneCalendar CalendarFor(Oppfolgingstilfelle? tilfelle, DateOnly today) =>
        MilestoneCalendar.Evaluate(RuleSet, tilfelle is null ? null : FactsFor(tilfelle), FiredMilestones, today, IsClosed);

    private MilestoneFacts FactsFor(Oppfolgingstilfelle tilfelle) => new(
        tilfelle,
        MaksdatoFor(tilfelle),
        BirthDate,
        OppfolgingsplanSharedWithSykmelder: Oppfolgingsplaner.Any(p => p.Mottaker == PlanMottaker.Sykmelder),
        Dialogmoter: Dialogmoter
            .Where(m => m.Status != DialogmoteStatus.Innkalt) // a meeting called is neither held nor exempted
            .Select(m => new DialogmoteFact(m.Motetype, m.Status == DialogmoteStatus.Avholdt, m.Dato))
            .ToImmutableArray(),
        MotebehovRequested: Motebehov.Any(m => m.HarBehov),
        AktivitetskravAssessed: Aktivitetskrav.Status is not (AktivitetskravStatus.NotStarted or AktivitetskravStatus.Ny))
    {
        EarlierTilfeller = EarlierThan(tilfelle),
        OppfolgingsplanFirstSharedOn = Oppfolgingsplaner.IsEmpty ? null : Oppfolgingsplaner.Min(p => NorwegianTime.DateOf(p.At)),
        KartleggingIndicatedRisk = KartleggingIndicatedRisk,
    };

    /// <summary>Fires <paramref name="rule"/> today: records it as fired (never again) and decides its effects.</summary>
    private (CaseState State, ImmutableArray<Effect> Effects) Fire(
        MilestoneRule rule, DateOnly due, MilestoneFacts facts, DateOnly today)
    {
        var cause = $"{rule.Code} (rule set {RuleSetVersion}: {rule.Due.Describe()} = {due:yyyy-MM-dd}, S = {facts.Tilfelle.Start:yyyy-MM-dd}; {rule.Basis})";
        var effects = rule.Effects
            .Where(template => template.OnlyIf?.Holds(facts, due) ?? true)
            .Select(template => new Effect(
                Key: $"milestone:{rule.Code}:{template.To}",
                On: today,
                Kind: template.Kind,
                Code: rule.Code,
                To: template.To,
                Cause: cause,
                NotBefore: template.VisibleAfterDays > 0 ? today.AddDays(template.VisibleAfterDays) : null))
            .ToImmutableArray();

        var fired = AskedBy(rule, today) with
        {
            FiredMilestones = FiredMilestones.Add(rule.Code, today),
            Effects = Effects.AddRange(effects),

            Aktivitetskrav = rule.StartsAktivitetskrav ? Aktivitetskrav.Start() : Aktivitetskrav,
        };

        // MAKSDATO: sykepenger are used up, the AAP transition has been started, and the case ends.
        return (rule.ClosesCase ? fired.Close(CaseOutcome.Maksdato, today) : fired, effects);
    }
}
