using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Milestones;

namespace Sykefravaer.Workflows;

/// <summary>The read model of a case (what the projection activity stores and the query answers), derived purely
/// from the case state at an instant.</summary>
public static class CaseProjections
{
    /// <summary>Null while the case has no sick days (e.g. every sykmelding withdrawn): there is nothing to show.</summary>
    public static CaseProjection? From(Guid caseId, string personRef, long version, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Tilfelle is not { } tilfelle)
        {
            return null;
        }

        var summary = new CaseSummary(
            tilfelle.Start, tilfelle.End, state.ClosedOn, OutcomeCode(state.Outcome), state.Maksdato);
        var milestones = state.Milestones(now).Milestones
            .Select(m => new MilestoneView(m.Code, m.Due, ResultCode(m.Result), m.FiredOn))
            .ToList();
        var periods = state.Sykmeldinger.Sykmeldinger.Values
            .Where(s => s.CountsAsSick && !state.Sykmeldinger.Withdrawn.Contains(s.Id))
            .Where(s => s.Periode.Tom >= tilfelle.Start && s.Periode.Fom <= tilfelle.End)
            .OrderBy(s => s.Periode.Fom)
            .Select(s => new PeriodView(s.Periode.Fom, s.Periode.Tom, s.Grad.Percent, s.Arbeidsgiver is not null, s.Arbeidsgiver?.Value))
            .ToList();
        return new CaseProjection(caseId, personRef, version, summary, milestones, state.Effects, periods, CaseEventViews.From(state));
    }

    /// <summary>The projection as release 1 wrote it: no periods and no events (for runs without
    /// <see cref="WorkflowPatches.ProjectionShowsPeriodsAndEvents"/>, whose writes must happen where they happened).</summary>
    public static CaseProjection AsReleased(CaseProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return projection with { Periods = null, Events = null };
    }

    public static string OutcomeCode(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Open => "OPEN",
        CaseOutcome.Friskmeldt => "FRISKMELDT",
        CaseOutcome.Maksdato => "MAKSDATO",
        CaseOutcome.Dod => "DOD",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string ResultCode(MilestoneResult result) => result switch
    {
        MilestoneResult.Pending => "PENDING",
        MilestoneResult.Fired => "FIRED",
        MilestoneResult.Satisfied => "SATISFIED",
        MilestoneResult.NotApplicable => "NOT_APPLICABLE",
        MilestoneResult.Cancelled => "CANCELLED",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}
