using FsCheck;
using FsCheck.Fluent;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>Random case histories: every event type, late and overlapping sykmeldinger, duplicates, and time
/// passing between events. Ids come from small pools so that duplicates and corrections of known ids are common.</summary>
internal static class CaseGenerators
{
    public static Gen<Sykmelding> Sykmelding(string id) =>
        from fom in Gen.Choose(-20, 200)
        from length in Gen.Choose(1, 120)
        from grad in Gen.Elements(100, 100, 100, 50)
        from employer in Gen.Elements(Orgnr, Orgnr, null)
        select Sm(id, Day(1).AddDays(fom), Day(1).AddDays(fom + length), grad, employer);

    /// <summary>An event that happens on <paramref name="today"/> (its id from a small pool).</summary>
    public static Gen<CaseEvent> EventOn(DateOnly today)
    {
        var at = On(today);
        var id = Gen.Choose(0, 3);
        return Gen.Frequency(
            (6, from i in id from s in Sykmelding($"sm-{i}") select (CaseEvent)new SykmeldingMottatt($"e-sm-{i}", at, s)),
            (2, from i in id from s in Sykmelding($"sm-{i}") from k in id select (CaseEvent)new SykmeldingKorrigert($"e-k-{k}", at, s)),
            (1, from i in id select (CaseEvent)new SykmeldingAvbrutt($"e-a-{i}", at, $"sm-{i}")),
            (1, from d in Gen.Choose(0, 200) select (CaseEvent)new FriskmeldingMottatt($"e-f-{d}", at, Day(1).AddDays(d))),
            (1, from i in id from m in Gen.Elements(PlanMottaker.Sykmelder, PlanMottaker.Nav) select (CaseEvent)new OppfolgingsplanDelt($"op-{i}", at, m)),
            (2, from i in id from behov in Gen.Elements(true, false) select (CaseEvent)new MotebehovMeldt($"mb-{i}", at, MotebehovFra.Arbeidsgiver, behov)),
            (1, from i in id from type in Gen.Choose(1, 3) select (CaseEvent)new DialogmoteRegistrert($"dm-{i}", at, type, DialogmoteStatus.Avholdt, today)),
            (1, from i in id from utfall in Gen.Elements(VurderingUtfall.Oppfylt, VurderingUtfall.IkkeOppfylt, VurderingUtfall.Avvent)
                select (CaseEvent)new AktivitetskravVurdert($"av-{i}", at, new AktivitetskravVurdering(utfall, "begrunnet"))),
            (1, from i in id select (CaseEvent)new ForhandsvarselSvar($"svar-{i}", at)),
            (1, Gen.Constant((CaseEvent)new Dodsfall("dod", at, today))));
    }

    /// <summary>A history: events at non-decreasing days, each 0–40 days after the previous one.</summary>
    public static Gen<List<CaseEvent>> History =>
        from gaps in Gen.ListOf(Gen.Choose(0, 40), 12)
        from events in Gen.CollectToList(
            gaps.Select((_, i) => Day(1).AddDays(gaps.Take(i + 1).Sum())),
            EventOn)
        select events;

    public static CaseScenario Run(IEnumerable<CaseEvent> events)
    {
        var scenario = new CaseScenario();
        foreach (var e in events)
        {
            scenario.Apply(e);
        }

        return scenario;
    }
}
