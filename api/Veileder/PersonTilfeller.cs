using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Recurrence;

namespace Sykefravaer.Api.Veileder;

/// <summary>A person's cases as the tilfeller the domain's rules count, for the tags that look across cases:
/// GJENTAKENDE_SYKEFRAVAER.</summary>
public static class PersonTilfeller
{
    public static bool HasGjentakendeSykefravaer(IEnumerable<CaseProjection> cases, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return GjentakendeSykefravaer.Holds(cases.SelectMany(TilfellerOf), today);
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
