using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Recurrence;
using Sykefravaer.Persistence.Reads;

namespace Sykefravaer.Api.Veileder;

/// <summary>A person's cases as the tilfeller the domain's rules count, for the tags that look across cases:
/// GJENTAKENDE_SYKEFRAVAER.</summary>
public static class PersonTilfeller
{
    /// <param name="cases">The person's case projections (retention deletes a closed one after a year).</param>
    /// <param name="closed">The person's closed tilfeller as their cases remembered them (kept four years): each counts
    /// instead of its case's projection, unless that case is open again (a late sykmelding continued it), and one
    /// whose projection is gone still counts.</param>
    public static bool HasGjentakendeSykefravaer(
        IEnumerable<CaseProjection> cases, DateOnly today, IReadOnlyCollection<ClosedTilfelle>? closed = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var projections = cases.ToList();
        var reopened = projections.Where(c => c.State.Outcome == "OPEN").Select(c => c.CaseId).ToHashSet();
        var remembered = (closed ?? []).Where(c => !reopened.Contains(c.CaseId)).ToList();
        var rememberedIds = remembered.Select(c => c.CaseId).ToHashSet();
        var tilfeller = remembered.Select(c => c.Tilfelle)
            .Concat(projections.Where(c => !rememberedIds.Contains(c.CaseId)).SelectMany(TilfellerOf));
        return GjentakendeSykefravaer.Holds(tilfeller, today);
    }

    /// <summary>The case's sykmelding periods through the domain's own T3 (<see cref="SykmeldingLedger"/>), so a day
    /// two sykmeldinger cover counts once; a case projected before the periods were kept counts its whole tilfelle.</summary>
    private static IEnumerable<Oppfolgingstilfelle> TilfellerOf(CaseProjection projection)
    {
        var periods = projection.SykmeldingPeriods.Count > 0
            ? projection.SykmeldingPeriods
            : [new PeriodView(projection.State.Start, projection.State.End, 100, MedArbeidsgiver: false)];
        var ledger = periods
            .Select((p, i) => new Sykmelding($"{i}", Periode.Of(p.Fom, p.Tom), Grad.Of(p.Grad), null))
            .Aggregate(SykmeldingLedger.Empty, (sofar, sykmelding) => sofar.Receive(sykmelding));
        return ledger.Tilfeller();
    }
}
