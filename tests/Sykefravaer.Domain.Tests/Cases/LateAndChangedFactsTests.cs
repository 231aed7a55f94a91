using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Milestones;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>T6: late, corrected and overlapping sykmeldinger; duplicates; T1 routing to other cases.</summary>
public class LateAndChangedFactsTests
{
    private static readonly string[] DueByDay130 =
        [OppfolgingsplanFrist, AktivitetskravInfo, Dialogmote1Frist, AktivitetskravVurdering, MotebehovSporsmal, Dialogmote2Kandidat];

    [Fact]
    public void T6_a_sykmelding_arriving_on_day_130_dated_back_to_day_1_fires_every_past_milestone_at_once_and_once()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-late", Day(105), Day(250)));
        scenario.RunUntil(Day(130));
        Assert.Empty(scenario.FiredCodes);

        var atOnce = scenario.Receive(Sm("sm-back", Day(1), Day(104)), receivedOn: Day(130));
        var again = scenario.Receive(Sm("sm-back", Day(1), Day(104)), receivedOn: Day(130));

        Assert.Equal(Day(1), scenario.State.Tilfelle!.Start);
        Assert.Equal(DueByDay130.Order(StringComparer.Ordinal), atOnce.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.All(scenario.State.FiredMilestones.Values, on => Assert.Equal(Day(130), on));
        Assert.Empty(again);

        scenario.RunUntil(Day(250));
        Assert.Equal(scenario.Effects.Count, scenario.Effects.Select(e => e.Key).Distinct().Count());
        Assert.Equal(SPlus(182), scenario.State.FiredMilestones[Dialogmote2Frist]);
    }

    [Fact]
    public void T6_a_first_sykmelding_learned_of_on_day_130_fires_the_past_milestones_at_once()
    {
        var scenario = new CaseScenario();
        var effects = scenario.Receive(Sm("sm-1", Day(1), Day(200)), receivedOn: Day(130));

        Assert.Equal(DueByDay130.Order(StringComparer.Ordinal), scenario.FiredCodes.Order(StringComparer.Ordinal));
        Assert.All(effects, e => Assert.Equal(Day(130), e.On));
    }

    [Fact]
    public void T6_a_sykmelding_learned_of_only_after_its_tilfelle_closed_fires_nothing_and_closes_the_case()
    {
        var scenario = new CaseScenario();
        var effects = scenario.Receive(Sm("sm-1", Day(1), Day(60)), receivedOn: Day(130));

        Assert.Empty(effects);
        Assert.Equal((CaseOutcome.Friskmeldt, Day(77)), (scenario.State.Outcome, scenario.State.ClosedOn));
    }

    [Fact]
    public void T6_a_correction_that_moves_the_start_later_moves_every_due_date_with_it()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(100)));
        scenario.Apply(new SykmeldingKorrigert("k-1", On(Day(10)), Sm("sm-1", Day(8), Day(100))));

        scenario.RunUntil(SPlus(28));
        Assert.Empty(scenario.FiredCodes);
        Assert.Equal(Day(8).AddDays(28), scenario.State.Milestones(On(Day(30)))[OppfolgingsplanFrist].Due);

        scenario.RunUntil(Day(8).AddDays(28));
        Assert.Equal(Day(8).AddDays(28), scenario.State.FiredMilestones[OppfolgingsplanFrist]);
    }

    [Fact]
    public void T6_a_correction_that_moves_the_start_earlier_fires_what_is_now_overdue_and_is_idempotent_by_content()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(20), Day(100)));
        var moved = scenario.Apply(new SykmeldingKorrigert("k-1", On(Day(40)), Sm("sm-1", Day(1), Day(100))));
        var sameContent = scenario.Apply(new SykmeldingKorrigert("k-2", On(Day(40)), Sm("sm-1", Day(1), Day(100))));

        Assert.Equal([OppfolgingsplanFrist], moved.Select(e => e.Code).Distinct());
        Assert.Empty(sameContent);
        Assert.Equal(Day(1), scenario.State.Tilfelle!.Start);
    }

    [Fact]
    public void A_withdrawn_sykmelding_no_longer_counts()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(30)));
        scenario.Receive(Sm("sm-2", Day(31), Day(120)), receivedOn: Day(20));
        scenario.Apply(new SykmeldingAvbrutt("a-1", On(Day(25)), "sm-2"));

        Assert.Equal(Day(30), scenario.State.Tilfelle!.End);
        Assert.Equal(MilestoneResult.NotApplicable, scenario.State.Milestones(On(Day(25)))[AktivitetskravInfo].Result);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_gradert_on_the_last_day_creates_no_task_but_100_percent_on_the_last_day_does()
    {
        var gradert = new CaseScenario();
        gradert.Receive(Sm("sm-1", Day(1), Day(99)));
        gradert.Receive(Sm("sm-2", Day(100), Day(100), grad: 50), receivedOn: Day(2));
        gradert.RunUntil(Day(100));

        var full = new CaseScenario();
        full.Receive(Sm("sm-1", Day(1), Day(100)));
        full.RunUntil(Day(100));

        Assert.Equal(MilestoneResult.Satisfied, gradert.State.Milestones(On(Day(100)))[AktivitetskravVurdering].Result);
        Assert.DoesNotContain(gradert.Effects, e => e.Code == AktivitetskravVurdering);
        var task = Assert.Single(full.Effects, e => e.Code == AktivitetskravVurdering);
        Assert.Equal(("milestone:AKTIVITETSKRAV_VURDERING:Veileder", SPlus(55)), (task.Key, task.On));
        Assert.Equal(Domain.Aktivitetskrav.AktivitetskravStatus.Ny, full.State.Aktivitetskrav.Status);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(60, false)]
    public void DIALOGMOTE1_FRIST_fires_for_100_percent_on_its_due_day_and_not_for_gradert(int gradeOnDueDay, bool fires)
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), SPlus(48)));
        scenario.Receive(Sm("sm-2", SPlus(49), SPlus(49), grad: gradeOnDueDay), receivedOn: Day(1));
        scenario.Receive(Sm("sm-3", SPlus(50), SPlus(90)), receivedOn: Day(1));
        scenario.RunUntil(SPlus(60));

        Assert.Equal(fires, scenario.State.FiredMilestones.ContainsKey(Dialogmote1Frist));
    }

    [Fact]
    public void DIALOGMOTE1_FRIST_fires_for_gradert_when_a_party_asked_for_a_meeting_and_not_when_DM1_was_held()
    {
        var asked = new CaseScenario();
        asked.Receive(Sm("sm-1", Day(1), Day(90), grad: 50));
        asked.Apply(new MotebehovMeldt("mb-1", On(Day(30)), MotebehovFra.Arbeidsgiver, HarBehov: true));
        asked.RunUntil(Day(90));

        var held = new CaseScenario();
        held.Receive(Sm("sm-1", Day(1), Day(90)));
        held.Apply(new DialogmoteRegistrert("dm-1", On(Day(40)), 1, DialogmoteStatus.Avholdt, Day(40)));
        held.RunUntil(Day(90));

        Assert.Equal(SPlus(49), asked.State.FiredMilestones[Dialogmote1Frist]);
        Assert.False(held.State.FiredMilestones.ContainsKey(Dialogmote1Frist));
        Assert.Equal(MilestoneResult.Satisfied, held.State.Milestones(On(Day(90)))[Dialogmote1Frist].Result);
    }

    [Theory]
    [InlineData(118, false)]
    [InlineData(119, true)]
    public void DIALOGMOTE2_KANDIDAT_fires_only_when_the_case_ends_on_or_after_S_plus_119(int endOffset, bool fires)
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), SPlus(endOffset)));
        scenario.RunUntil(SPlus(150));

        Assert.Equal(fires, scenario.State.FiredMilestones.ContainsKey(Dialogmote2Kandidat));
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_task_is_visible_to_the_veileder_7_days_after_it_fires()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));
        scenario.RunUntil(Day(200));

        var task = Assert.Single(scenario.Effects, e => e.Code == Dialogmote2Kandidat);
        Assert.Equal((SPlus(119), SPlus(126)), (task.On, task.NotBefore));
    }

    [Fact]
    public void DIALOGMOTE2_FRIST_is_not_escalated_when_DM2_was_exempted_with_a_reason()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(250)));
        scenario.Apply(new DialogmoteRegistrert("dm-2", On(Day(100)), 2, DialogmoteStatus.Unntak, Day(100), "åpenbart unødvendig"));
        scenario.RunUntil(Day(250));

        Assert.DoesNotContain(Dialogmote2Frist, scenario.FiredCodes);
        Assert.DoesNotContain(Dialogmote2Kandidat, scenario.FiredCodes);
    }

    [Fact]
    public void OPPFOLGINGSPLAN_FRIST_is_not_sent_when_the_plan_was_shared_with_the_sykmelder_but_is_when_shared_only_with_NAV()
    {
        var sykmelder = new CaseScenario();
        sykmelder.Receive(Sm("sm-1", Day(1), Day(60)));
        sykmelder.Apply(new OppfolgingsplanDelt("op-1", On(Day(20)), PlanMottaker.Sykmelder));
        sykmelder.RunUntil(Day(60));

        var nav = new CaseScenario();
        nav.Receive(Sm("sm-1", Day(1), Day(60)));
        nav.Apply(new OppfolgingsplanDelt("op-1", On(Day(20)), PlanMottaker.Nav));
        nav.RunUntil(Day(60));

        Assert.DoesNotContain(OppfolgingsplanFrist, sykmelder.FiredCodes);
        Assert.Contains(OppfolgingsplanFrist, nav.FiredCodes);
    }

    [Fact]
    public void SNART_SLUTT_SYKEPENGER_is_not_sent_to_someone_67_or_older_on_its_due_date()
    {
        var old = new CaseScenario(CaseState.Open(birthDate: new DateOnly(1957, 6, 1)));
        old.Receive(Sm("sm-1", Day(1), Day(300)));
        old.RunUntil(Day(290));

        var young = new CaseScenario(CaseState.Open(birthDate: new DateOnly(1985, 3, 14)));
        young.Receive(Sm("sm-1", Day(1), Day(300)));
        young.RunUntil(Day(290));

        Assert.DoesNotContain(SnartSluttSykepenger, old.FiredCodes);
        Assert.Equal(SPlus(273), young.State.FiredMilestones[SnartSluttSykepenger]);
    }

    [Fact]
    public void T1_a_sykmelding_after_16_non_sick_days_is_not_merged_but_carried_over_to_the_next_case()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(20)));
        scenario.Receive(Sm("sm-2", Day(37), Day(90)), receivedOn: Day(15));

        Assert.Equal(Day(20), scenario.State.Tilfelle!.End);
        Assert.Equal(["sm-2"], scenario.State.CarryOver.Select(s => s.Id));
        scenario.RunUntil(Day(40));
        Assert.Equal((CaseOutcome.Friskmeldt, Day(37)), (scenario.State.Outcome, scenario.State.ClosedOn));
        Assert.Equal(["sm-2"], scenario.State.CarryOver.Select(s => s.Id));
    }

    [Fact]
    public void T1_a_bridging_sykmelding_merges_a_carried_over_one_back_into_the_case()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(20)));
        scenario.Receive(Sm("sm-3", Day(40), Day(90)), receivedOn: Day(10));
        scenario.Receive(Sm("sm-2", Day(21), Day(39)), receivedOn: Day(12));

        Assert.Equal((Day(1), Day(90)), (scenario.State.Tilfelle!.Start, scenario.State.Tilfelle.End));
        Assert.Empty(scenario.State.CarryOver);
    }

    [Fact]
    public void T7_a_sykmelding_of_an_earlier_closed_tilfelle_does_not_revive_it_or_fire_anything()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-now", Day(200), Day(260)));
        var effects = scenario.Receive(Sm("sm-old", Day(1), Day(150)), receivedOn: Day(210));
        scenario.RunUntil(Day(240));

        Assert.Empty(effects);
        Assert.Equal(Day(200), scenario.State.Tilfelle!.Start);
        Assert.Equal([OppfolgingsplanFrist], scenario.FiredCodes);
        Assert.DoesNotContain(scenario.State.CarryOver, s => s.Id == "sm-old");
    }

    [Fact]
    public void T7_after_the_case_closed_a_sykmelding_that_fills_the_gap_reopens_it_and_a_later_one_is_carried_over()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(40)));
        scenario.RunUntil(Day(70));
        Assert.True(scenario.State.IsClosed);

        // With day 41–100 known, 16 non-sick days never passed (T1): the case did not close, and fires what fell due.
        var revived = scenario.Receive(Sm("sm-extends", Day(41), Day(100)), receivedOn: Day(70));
        Assert.Equal(CaseOutcome.Open, scenario.State.Outcome);
        Assert.Equal(Day(100), scenario.State.Tilfelle!.End);
        Assert.Equal([AktivitetskravVurdering], revived.Where(e => e.Kind == Domain.Effects.EffectKind.Task).Select(e => e.Code));

        scenario.Receive(Sm("sm-next", Day(130), Day(150)), receivedOn: Day(71));
        Assert.Equal(["sm-next"], scenario.State.CarryOver.Select(s => s.Id));
        scenario.RunUntil(Day(120));
        Assert.Equal((CaseOutcome.Friskmeldt, Day(117)), (scenario.State.Outcome, scenario.State.ClosedOn));
    }
}
