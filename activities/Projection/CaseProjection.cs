using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Projection;

/// <summary>The read model of one case, written after every change for the API and veileder tools to read when no
/// worker runs.</summary>
/// <param name="Version">Increases with every change the workflow makes (e.g. the count of events applied); a write
/// with a version not above the stored one changes nothing, so a late retry never overwrites newer state.</param>
/// <param name="Effects">Every notice and task decided so far, in order: the case's timeline.</param>
public sealed record CaseProjection(
    Guid CaseId,
    string PersonRef,
    long Version,
    CaseSummary State,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<Effect> Effects);

/// <summary>Where a case stands.</summary>
/// <param name="Outcome">FRISKMELDT, MAKSDATO, DOD or OPEN; AVBRUTT when every sykmelding was withdrawn.</param>
public sealed record CaseSummary(DateOnly Start, DateOnly End, DateOnly? Closed, string Outcome, DateOnly? Maksdato);

/// <summary>One milestone of the rule set and what became of it.</summary>
/// <param name="Due">Null where the milestone has no date in this case.</param>
/// <param name="Result">FIRED, SATISFIED, NOT_APPLICABLE, CANCELLED or PENDING.</param>
public sealed record MilestoneView(string Code, DateOnly? Due, string Result, DateOnly? FiredOn);
