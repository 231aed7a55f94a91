using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Worker.Simulation;

/// <summary>
/// Moves a case history into the future of the Temporal server's clock and its results back. A time-skipping server
/// starts at the wall clock and can only move forward, so a history from 2024 cannot run in 2024. It runs a whole
/// number of 28-year cycles later instead: between 1901 and 2099 the Gregorian calendar repeats exactly every 28
/// years (same weekdays, same leap days, the same last Sundays for summer time), so every rule that counts days,
/// weekdays or birthdays gives the same answer, shifted.
/// </summary>
public sealed record TimeShift(int Years)
{
    public const int CalendarCycleYears = 28;

    /// <summary>The smallest shift that puts the first event (or <c>until</c>) after <paramref name="serverNow"/>.</summary>
    /// <exception cref="SimulationInputException">The history would have to run past 2099.</exception>
    public static TimeShift IntoFutureOf(DateTimeOffset serverNow, SimulationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var first = input.Events.Count > 0 ? input.Events[0].At : new DateTimeOffset(input.Until.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var shift = new TimeShift(0);
        while (shift.Forward(first) <= serverNow.AddMinutes(1))
        {
            shift = new TimeShift(shift.Years + CalendarCycleYears);
        }

        return shift.Forward(input.Until) <= SaneDates.Latest
            ? shift
            : throw new SimulationInputException(
                $"input: until: {input.Until:yyyy-MM-dd} is too late to simulate: the history must run {shift.Years} years later, past {SaneDates.Latest:yyyy}");
    }

    /// <summary>One shift for histories that run together on one server: the largest any of them needs, so that
    /// every one starts after <paramref name="serverNow"/>.</summary>
    /// <exception cref="SimulationInputException">A history would have to run past 2099.</exception>
    public static TimeShift IntoFutureOf(DateTimeOffset serverNow, IReadOnlyList<SimulationInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var shift = inputs.Select(i => IntoFutureOf(serverNow, i)).MaxBy(s => s.Years) ?? new TimeShift(0);
        var late = inputs.FirstOrDefault(i => shift.Forward(i.Until) > SaneDates.Latest);
        return late is null
            ? shift
            : throw new SimulationInputException(
                $"input: until: {late.Until:yyyy-MM-dd} is too late to simulate with the others: they run {shift.Years} years later, past {SaneDates.Latest:yyyy}");
    }

    public DateOnly Forward(DateOnly date) => date.AddYears(Years);

    public DateOnly? Forward(DateOnly? date) => date?.AddYears(Years);

    public DateTimeOffset Forward(DateTimeOffset instant) => instant.AddYears(Years);

    public DateOnly Back(DateOnly date) => date.AddYears(-Years);

    public DateOnly? Back(DateOnly? date) => date?.AddYears(-Years);

    /// <summary>The same event, with every date and time in it moved forward.</summary>
    public CaseEvent Forward(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var at = Forward(e.At);
        return e switch
        {
            SykmeldingMottatt m => m with { At = at, Sykmelding = Forward(m.Sykmelding) },
            SykmeldingKorrigert k => k with { At = at, Sykmelding = Forward(k.Sykmelding) },
            SykmeldingAvbrutt a => a with { At = at },
            FriskmeldingMottatt f => f with { At = at, Dato = Forward(f.Dato) },
            OppfolgingsplanDelt p => p with { At = at },
            MotebehovMeldt m => m with { At = at },
            DialogmoteRegistrert d => d with { At = at, Dato = Forward(d.Dato) },
            AktivitetskravVurdert v => v with { At = at, Vurdering = Forward(v.Vurdering) },
            ForhandsvarselSvar s => s with { At = at },
            FriskmeldingTilArbeidsformidling fta => fta with { At = at, Periode = Forward(fta.Periode) },
            Dodsfall d => d with { At = at, Dato = Forward(d.Dato) },
            KartleggingSvarMottatt k => k with { At = at },
            SnartSluttSvarMottatt s => s with { At = at },
            _ => throw new ArgumentException($"No time shift for {e.GetType().Name}", nameof(e)),
        };
    }

    private Sykmelding Forward(Sykmelding s) => s with { Periode = Forward(s.Periode) };

    private Periode Forward(Periode p) => Periode.Of(Forward(p.Fom), Forward(p.Tom));

    private AktivitetskravVurdering Forward(AktivitetskravVurdering v) => v with { Svarfrist = Forward(v.Svarfrist) };
}
