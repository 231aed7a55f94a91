using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>Møtebehov, the aktivitetskrav process (F1–F3), duplicates and invalid events.</summary>
public class FollowUpEventTests
{
    [Fact]
    public void Motebehov_with_a_need_creates_a_veileder_task_at_once_keyed_by_the_event_id()
    {
        var scenario = Sick(Day(1), Day(100));
        var effects = scenario.Apply(new MotebehovMeldt("mb-7", On(Day(10)), MotebehovFra.Sykmelder, HarBehov: true));

        var task = Assert.Single(effects);
        Assert.Equal(("motebehov:mb-7", EffectKind.Task, Recipient.Veileder, Day(10)), (task.Key, task.Kind, task.To, task.On));
    }

    [Fact]
    public void Motebehov_without_a_need_is_recorded_but_creates_no_task()
    {
        var scenario = Sick(Day(1), Day(100));
        Assert.Empty(scenario.Apply(new MotebehovMeldt("mb-1", On(Day(10)), MotebehovFra.Arbeidstaker, HarBehov: false)));
        Assert.Single(scenario.State.Motebehov);
    }

    [Fact]
    public void A_duplicate_event_of_the_same_type_and_id_changes_nothing_and_produces_nothing()
    {
        var scenario = Sick(Day(1), Day(100));
        var motebehov = new MotebehovMeldt("mb-1", On(Day(10)), MotebehovFra.Arbeidsgiver, HarBehov: true);
        scenario.Apply(motebehov);
        var before = Json(scenario.State);

        Assert.Empty(scenario.Apply(motebehov));
        Assert.Equal(before, Json(scenario.State));
    }

    [Fact]
    public void Two_events_of_different_types_with_one_id_are_not_duplicates()
    {
        var scenario = Sick(Day(1), Day(100));
        scenario.Apply(new MotebehovMeldt("x-1", On(Day(10)), MotebehovFra.Arbeidsgiver, HarBehov: false));
        scenario.Apply(new OppfolgingsplanDelt("x-1", On(Day(10)), PlanMottaker.Sykmelder));

        Assert.Single(scenario.State.Oppfolgingsplaner);
    }

    [Fact]
    public void F1_aktivitetskrav_ikke_oppfylt_sends_the_forhandsvarsel_and_F3_its_expiry_wakes_the_case_for_a_vurder_stans_task()
    {
        var scenario = Sick(Day(1), Day(200));
        scenario.RunUntil(SPlus(60));
        var sent = scenario.Apply(new AktivitetskravVurdert("av-1", On(SPlus(60)), new AktivitetskravVurdering(VurderingUtfall.IkkeOppfylt, "ingen aktivitet")));

        Assert.Equal([AktivitetskravProcess.ForhandsvarselCode], sent.Select(e => e.Code));
        var deadline = scenario.State.Aktivitetskrav.NextDeadline!.Value;
        Assert.Equal(SPlus(60).AddDays(22), deadline);
        Assert.Equal(NorwegianTime.StartOf(deadline), scenario.State.NextWakeUp);

        var expired = scenario.RunUntil(deadline);
        Assert.Equal([AktivitetskravProcess.VurderStansCode], expired.Select(e => e.Code));
        Assert.Equal(AktivitetskravStatus.VurderStans, scenario.State.Aktivitetskrav.Status);
    }

    [Fact]
    public void F3_a_reply_before_the_svarfrist_takes_the_aktivitetskrav_back_to_assessment_without_a_task()
    {
        var scenario = Sick(Day(1), Day(200));
        scenario.Apply(new AktivitetskravVurdert("av-1", On(SPlus(60)), new AktivitetskravVurdering(VurderingUtfall.IkkeOppfylt, "ingen aktivitet")));
        scenario.Apply(new ForhandsvarselSvar("svar-1", On(SPlus(70))));
        scenario.RunUntil(SPlus(120));

        Assert.Equal(AktivitetskravStatus.NyVurdering, scenario.State.Aktivitetskrav.Status);
        Assert.DoesNotContain(scenario.Effects, e => e.Code == AktivitetskravProcess.VurderStansCode);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_creates_no_task_when_a_veileder_assessed_before_it_fell_due()
    {
        var scenario = Sick(Day(1), Day(200));
        scenario.Apply(new AktivitetskravVurdert("av-1", On(Day(40)), new AktivitetskravVurdering(VurderingUtfall.Unntak, "medisinske grunner")));
        scenario.RunUntil(Day(100));

        Assert.DoesNotContain(MilestoneCodes.AktivitetskravVurdering, scenario.FiredCodes);
        Assert.Equal(MilestoneResult.Satisfied, scenario.State.Milestones(On(Day(100)))[MilestoneCodes.AktivitetskravVurdering].Result);
    }

    [Fact]
    public void A_dialogmote_exemption_without_begrunnelse_is_refused_naming_the_field()
    {
        var error = RefusedBy(new DialogmoteRegistrert("dm-1", On(Day(30)), 1, DialogmoteStatus.Unntak, Day(30), Begrunnelse: " "));
        Assert.Equal("begrunnelse", error.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_motetype_other_than_1_2_or_3_is_refused_naming_the_field(int motetype)
    {
        Assert.Equal("motetype", RefusedBy(new DialogmoteRegistrert("dm-1", On(Day(30)), motetype, DialogmoteStatus.Avholdt, Day(30))).Field);
    }

    [Fact]
    public void Friskmelding_til_arbeidsformidling_over_12_weeks_is_refused_and_exactly_12_weeks_is_accepted()
    {
        Assert.Equal("tom", RefusedBy(new FriskmeldingTilArbeidsformidling("fta-1", On(Day(30)), Periode.Of(Day(31), Day(31 + 84)))).Field);

        var scenario = Sick(Day(1), Day(100));
        scenario.Apply(new FriskmeldingTilArbeidsformidling("fta-1", On(Day(30)), Periode.Of(Day(31), Day(31 + 83))));
        Assert.NotNull(scenario.State.Arbeidsformidling);
    }

    [Fact]
    public void An_aktivitetskrav_unntak_without_arsak_is_refused_naming_the_field()
    {
        Assert.Equal("arsak", RefusedBy(new AktivitetskravVurdert("av-1", On(Day(60)), new AktivitetskravVurdering(VurderingUtfall.Unntak))).Field);
    }

    [Fact]
    public void A_date_of_death_in_the_future_is_refused_naming_the_field()
    {
        Assert.Equal("dato", RefusedBy(new Dodsfall("d-1", On(Day(30)), Day(31))).Field);
    }

    [Fact]
    public void An_event_without_id_is_refused()
    {
        Assert.Equal("id", RefusedBy(new OppfolgingsplanDelt("", On(Day(30)), PlanMottaker.Nav)).Field);
    }

    private static CaseScenario Sick(DateOnly fom, DateOnly tom)
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", fom, tom));
        return scenario;
    }

    /// <summary>Applies a bad event and checks that it throws and leaves the case as it was.</summary>
    private static InvalidInputException RefusedBy(CaseEvent bad)
    {
        var scenario = Sick(Day(1), Day(100));
        scenario.RunUntil(bad.At);
        var before = Json(scenario.State);

        var error = Assert.Throws<InvalidInputException>(() => scenario.Apply(bad));

        Assert.Equal(before, Json(scenario.State));
        Assert.Contains(error.Field, error.Message, StringComparison.Ordinal);
        return error;
    }
}
