using System.Text.Json.Serialization;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Projection;

/// <summary>The read model of one case, written after every change for the API and veileder tools to read when no
/// worker runs.</summary>
/// <param name="Version">Increases with every change the workflow makes (e.g. the count of events applied); a write
/// with a version not above the stored one changes nothing, so a late retry never overwrites newer state.</param>
/// <param name="Effects">Every notice and task decided so far, in order: the case's timeline.</param>
/// <param name="Periods">The sykmeldinger of the tilfelle, by fom (withdrawn ones left out); empty for a case projected
/// before they were.</param>
/// <param name="Events">What came in from outside besides sykmeldinger (plans shared, møtebehov, dialogmøter,
/// assessments, replies) and the forhåndsvarsel's svarfrist, by date; empty for a case projected before they were.</param>
public sealed record CaseProjection(
    Guid CaseId,
    string PersonRef,
    long Version,
    CaseSummary State,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<Effect> Effects,
    IReadOnlyList<PeriodView>? Periods = null,
    IReadOnlyList<EventView>? Events = null)
{
    /// <summary>Gets the periods, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<PeriodView> SykmeldingPeriods => Periods ?? [];

    /// <summary>Gets the events that came in, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<EventView> EventsCameIn => Events ?? [];
}

/// <summary>One sykmelding's period as the veileder sees it.</summary>
/// <param name="Grad">Percent sick, 1 to 100.</param>
/// <param name="Orgnr">The employer's organisation number (the virksomhet the work list filters by); null without an
/// employer, and for periods projected before it was kept.</param>
public sealed record PeriodView(DateOnly Fom, DateOnly Tom, int Grad, bool MedArbeidsgiver, string? Orgnr = null);

/// <summary>Where a case stands.</summary>
/// <param name="Outcome">FRISKMELDT, MAKSDATO, DOD or OPEN; AVBRUTT when every sykmelding was withdrawn.</param>
public sealed record CaseSummary(DateOnly Start, DateOnly End, DateOnly? Closed, string Outcome, DateOnly? Maksdato);

/// <summary>One milestone of the rule set and what became of it.</summary>
/// <param name="Due">Null where the milestone has no date in this case.</param>
/// <param name="Result">FIRED, SATISFIED, NOT_APPLICABLE, CANCELLED or PENDING.</param>
public sealed record MilestoneView(string Code, DateOnly? Due, string Result, DateOnly? FiredOn);
