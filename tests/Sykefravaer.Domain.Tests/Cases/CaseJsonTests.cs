using System.Text.Json;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>The state crosses Temporal's continue-as-new as JSON (default options): nothing may be lost.</summary>
public class CaseJsonTests
{
    [Fact]
    public void A_case_with_every_kind_of_fact_round_trips_through_json_with_default_options()
    {
        var scenario = new CaseScenario(CaseState.Open(birthDate: new DateOnly(1985, 3, 14)));
        scenario.Receive(Sm("sm-1", Day(1), Day(70), grad: 60));
        scenario.Apply(new OppfolgingsplanDelt("op-1", On(Day(20)), PlanMottaker.Nav));
        scenario.Apply(new MotebehovMeldt("mb-1", On(Day(30)), MotebehovFra.Arbeidsgiver, HarBehov: true));
        scenario.Apply(new DialogmoteRegistrert("dm-1", On(Day(45)), 1, DialogmoteStatus.Unntak, Day(45), "åpenbart unødvendig"));
        scenario.Receive(Sm("sm-2", Day(100), Day(120), orgnr: null), receivedOn: Day(60));
        scenario.Apply(new FriskmeldingTilArbeidsformidling("fta-1", On(Day(65)), Periode.Of(Day(71), Day(90))));
        scenario.RunUntil(Day(66));

        var json = Json(scenario.State);
        var back = JsonSerializer.Deserialize<CaseState>(json)!;

        Assert.Equal(json, Json(back));
        Assert.Equal(scenario.State.Tilfelle, back.Tilfelle);
        Assert.Equal(scenario.State.NextWakeUp, back.NextWakeUp);
        Assert.Equal(scenario.State.Effects.ToArray(), back.Effects.ToArray());
        Assert.Equal(["sm-2"], back.CarryOver.Select(s => s.Id));
        Assert.NotEmpty(back.FiredMilestones);
    }

    [Fact]
    public void A_restored_case_decides_exactly_what_the_original_would()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));
        scenario.RunUntil(Day(50));
        var restored = JsonSerializer.Deserialize<CaseState>(Json(scenario.State))!;

        var original = scenario.State.Advance(On(Day(150)));
        var fromJson = restored.Advance(On(Day(150)));

        Assert.NotEmpty(original.Effects);
        Assert.Equal(original.Effects.ToArray(), fromJson.Effects.ToArray());
        Assert.Equal(Json(original.State), Json(fromJson.State));
    }

    [Fact]
    public void Events_round_trip_polymorphically_through_the_base_type()
    {
        CaseEvent[] events =
        [
            new SykmeldingMottatt("e1", On(Day(1)), Sm("sm-1", Day(1), Day(10))),
            new SykmeldingKorrigert("e2", On(Day(2)), Sm("sm-1", Day(1), Day(12), grad: 50, orgnr: null)),
            new SykmeldingAvbrutt("e3", On(Day(3)), "sm-1"),
            new FriskmeldingMottatt("e4", On(Day(4)), Day(4)),
            new OppfolgingsplanDelt("e5", On(Day(5)), PlanMottaker.Sykmelder),
            new MotebehovMeldt("e6", On(Day(6)), MotebehovFra.Sykmelder, false),
            new DialogmoteRegistrert("e7", On(Day(7)), 2, DialogmoteStatus.Avholdt, Day(7)),
            new FriskmeldingTilArbeidsformidling("e8", On(Day(8)), Periode.Of(Day(8), Day(20))),
            new Dodsfall("e9", On(Day(9)), Day(9)),
        ];

        var json = JsonSerializer.Serialize(events);
        var back = JsonSerializer.Deserialize<CaseEvent[]>(json)!;

        Assert.Equal(events.Select(e => e.GetType()), back.Select(e => e.GetType()));
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Contains("\"type\":\"dialogmote\"", json, StringComparison.Ordinal);
    }
}
