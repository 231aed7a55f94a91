using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Api.Reads;

/// <summary>A case as the API shows it: where it stands, every milestone, and the timeline of notices and tasks.</summary>
/// <param name="PersonRef">The keyed pseudonym of the person (never the fødselsnummer).</param>
/// <param name="Version">Rises with every change the case makes; a client polling for a change compares it.</param>
/// <param name="NeedsAttention">Null while a workflow keeps the case. Otherwise why none does (WORKFLOW_NOT_FOUND,
/// WORKFLOW_TERMINATED, WORKFLOW_FAILED, WORKFLOW_TIMED_OUT, WORKFLOW_CANCELED, WORKFLOW_COMPLETED), as the worker's
/// reconciliation sweep found it: the case shows open but none of its milestones will fire until an operator acts. Or
/// ACTIVITY_FAILED: the case's workflow is parked on a write that failed for good and waits for an operator's resume.</param>
/// <param name="Periods">The tilfelle's sykmelding periods with their grades.</param>
/// <param name="Events">What came in besides sykmeldinger (plans, møtebehov, dialogmøter, assessments, the
/// forhåndsvarsel's svarfrist and reply), by date.</param>
public sealed record CaseView(
    Guid CaseId,
    string PersonRef,
    long Version,
    CaseSummary State,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<TimelineEntry> Timeline,
    string? NeedsAttention,
    IReadOnlyList<PeriodView> Periods,
    IReadOnlyList<EventView> Events)
{
    public static CaseView From(CaseProjection projection, IReadOnlyDictionary<Guid, string> attention)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(attention);
        return new(
            projection.CaseId,
            projection.PersonRef,
            projection.Version,
            projection.State,
            projection.Milestones,
            projection.Effects.Select(TimelineEntry.From).ToList(),
            attention.GetValueOrDefault(projection.CaseId),
            projection.SykmeldingPeriods,
            projection.EventsCameIn);
    }
}

/// <summary>One notice or task the case decided, in the order decided.</summary>
/// <param name="On">The Norwegian date it was decided.</param>
/// <param name="To">ARBEIDSTAKER, ARBEIDSGIVER or SYKMELDER for a notice; VEILEDER for a task.</param>
public sealed record TimelineEntry(DateOnly On, EffectKind Kind, string Code, Recipient To, string Cause, DateOnly? NotBefore)
{
    public static TimelineEntry From(Effect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return new(effect.On, effect.Kind, effect.Code, effect.To, effect.Cause, effect.NotBefore);
    }
}

/// <summary>The cases of one person, oldest first.</summary>
public sealed record CaseSearchResult(IReadOnlyList<CaseView> Cases);

/// <summary>Find a person's cases by fødselsnummer: in the body, so it never appears in a URL or an access log.</summary>
public sealed record CaseSearchBody
{
    public required string Fnr { get; init; }
}
