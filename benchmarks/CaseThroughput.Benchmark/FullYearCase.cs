using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace CaseThroughput.Benchmark;

/// <summary>
/// The case every simulated person goes through: a 100 % sick leave with an employer that lasts past maksdato, in
/// three sykmeldinger, with an oppfølgingsplan, a møtebehov, an aktivitetskrav assessment that sends a
/// forhåndsvarsel and gets a reply, and a dialogmøte 2. Every milestone of the default rule set fires, and MAKSDATO
/// closes the case after about 52 weeks.
/// </summary>
public static class FullYearCase
{
    private const string Orgnr = "974652269";

    /// <summary>Each event with the case day (S + n) it is sent on, in sending order.</summary>
    public static IReadOnlyList<(int SentOnDay, CaseEvent Event)> Events(DateOnly s)
    {
        DateOnly Day(int offset) => s.AddDays(offset);
        DateTimeOffset At(int offset) => NorwegianTime.StartOf(Day(offset)).AddHours(9);
        Sykmelding Sm(string id, int fom, int tom) =>
            new(id, Periode.Of(Day(fom), Day(tom)), Grad.Full, Organisasjonsnummer.Parse(Orgnr));

        return
        [
            (0, new SykmeldingMottatt("e-sm-1", At(0), Sm("sm-1", 0, 27))),
            (26, new SykmeldingMottatt("e-sm-2", At(26), Sm("sm-2", 28, 90))),
            (35, new OppfolgingsplanDelt("op-1", At(35), PlanMottaker.Sykmelder)),
            (40, new MotebehovMeldt("mb-1", At(40), MotebehovFra.Arbeidstaker, HarBehov: true)),
            (60, new AktivitetskravVurdert("ak-1", At(60), new AktivitetskravVurdering(VurderingUtfall.IkkeOppfylt, "ingen aktivitet"))),
            (70, new ForhandsvarselSvar("svar-1", At(70))),
            (88, new SykmeldingMottatt("e-sm-3", At(88), Sm("sm-3", 91, 400))),
            (190, new DialogmoteRegistrert("dm-2", At(190), 2, DialogmoteStatus.Avholdt, Day(190))),
        ];
    }
}
