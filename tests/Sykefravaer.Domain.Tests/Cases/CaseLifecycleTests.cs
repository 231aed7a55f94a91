using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Milestones;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Cases.CaseScenario;

namespace Sykefravaer.Domain.Tests.Cases;

/// <summary>Whole cases driven the way the workflow drives them: events, and wake-ups at NextWakeUp.</summary>
public class CaseLifecycleTests
{
    [Fact]
    public void A_full_year_with_employer_fires_every_employer_milestone_once_on_its_due_date_and_MAKSDATO_closes_the_case()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(400)));
        scenario.RunUntil(Day(400));

        var state = scenario.State;
        var maksdato = state.Maksdato!.Value;
        var expected = new Dictionary<string, DateOnly>
        {
            [OppfolgingsplanFrist] = SPlus(28),
            [AktivitetskravInfo] = SPlus(42),
            [Dialogmote1Frist] = SPlus(49),
            [AktivitetskravVurdering] = SPlus(55),
            [MotebehovSporsmal] = SPlus(112),
            [Dialogmote2Kandidat] = SPlus(119),
            [Dialogmote2Frist] = SPlus(182),
            [SnartSluttSykepenger] = SPlus(273),
            [Maksdato] = maksdato,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), state.FiredMilestones.OrderBy(p => p.Key));
        Assert.Equal(CaseOutcome.Maksdato, state.Outcome);
        Assert.Equal(maksdato, state.ClosedOn);
        Assert.Null(state.NextWakeUp);
        Assert.Equal(MilestoneResult.NotApplicable, state.Milestones(On(Day(400)))[NavOppfolgingUtenArbeidsgiver].Result);
    }

    [Fact]
    public void MAKSDATO_starts_the_AAP_transition_with_a_notice_to_the_arbeidstaker_and_a_veileder_task()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(400)));
        scenario.RunUntil(Day(400));

        var aap = scenario.Effects.Where(e => e.Code == Maksdato).ToList();
        Assert.Equal(
            [(EffectKind.Notice, Recipient.Arbeidstaker), (EffectKind.Task, Recipient.Veileder)],
            aap.Select(e => (e.Kind, e.To)));
        Assert.All(aap, e => Assert.Equal(scenario.State.Maksdato, e.On));
        Assert.All(aap, e => Assert.Contains("ftrl § 8-12", e.Cause, StringComparison.Ordinal));
    }

    [Fact]
    public void Effects_returned_step_by_step_are_exactly_the_timeline_with_stable_unique_keys()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));
        scenario.Apply(new MotebehovMeldt("mb-1", On(Day(90)), MotebehovFra.Arbeidstaker, HarBehov: true));
        scenario.RunUntil(Day(200));

        Assert.Equal(scenario.Effects, scenario.State.Effects);
        Assert.Equal(scenario.Effects.Count, scenario.Effects.Select(e => e.Key).Distinct().Count());
        Assert.Contains(scenario.Effects, e => e.Key == "milestone:AKTIVITETSKRAV_INFO:Arbeidstaker");
        Assert.Contains(scenario.Effects, e => e.Key == "motebehov:mb-1");
    }

    [Fact]
    public void Advancing_again_to_the_same_instant_decides_nothing_new()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));
        var first = scenario.State.Advance(On(Day(60)));
        var again = first.State.Advance(On(Day(60)));

        Assert.NotEmpty(first.Effects);
        Assert.Empty(again.Effects);
        Assert.Equal(Json(first.State), Json(again.State));
    }

    [Fact]
    public void NextWakeUp_is_the_start_of_the_next_due_date_in_Norway()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));

        Assert.Equal(Time.NorwegianTime.StartOf(SPlus(28)), scenario.State.NextWakeUp);
        scenario.RunUntil(SPlus(28));
        Assert.Equal(Time.NorwegianTime.StartOf(SPlus(42)), scenario.State.NextWakeUp);
    }

    [Fact]
    public void Without_employer_NAV_OPPFOLGING_UTEN_ARBEIDSGIVER_fires_and_no_employer_milestone_does()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(250), orgnr: null));
        scenario.RunUntil(Day(250));

        Assert.Equal(
            [AktivitetskravInfo, AktivitetskravVurdering, NavOppfolgingUtenArbeidsgiver],
            scenario.FiredCodes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(scenario.Effects, e => e.To == Recipient.Arbeidsgiver);
        var task = Assert.Single(scenario.Effects, e => e.Code == NavOppfolgingUtenArbeidsgiver);
        Assert.Equal((EffectKind.Task, Recipient.Veileder, SPlus(28)), (task.Kind, task.To, task.On));
        Assert.All(
            [OppfolgingsplanFrist, Dialogmote1Frist, MotebehovSporsmal, Dialogmote2Kandidat, Dialogmote2Frist],
            code => Assert.Equal(MilestoneResult.NotApplicable, scenario.State.Milestones(On(Day(250)))[code].Result));
    }

    [Fact]
    public void Friskmelding_before_week_8_closes_the_case_16_days_later_cancels_what_is_pending_and_nothing_fires_after()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(120)));
        scenario.Apply(new FriskmeldingMottatt("fm-1", On(Day(40)), Day(40)));
        scenario.RunUntil(Day(400));

        var state = scenario.State;
        Assert.Equal(Day(39), state.Tilfelle!.End);
        Assert.Equal(CaseOutcome.Friskmeldt, state.Outcome);
        Assert.Equal(Day(39).AddDays(17), state.ClosedOn);
        Assert.Equal([OppfolgingsplanFrist], scenario.FiredCodes);
        Assert.All(scenario.Effects, e => Assert.True(e.On < state.ClosedOn));

        var calendar = state.Milestones(On(Day(400)));
        Assert.Equal(MilestoneResult.Cancelled, calendar[MotebehovSporsmal].Result);
        Assert.Equal(MilestoneResult.Cancelled, calendar[Dialogmote2Frist].Result);
        Assert.Equal(MilestoneResult.NotApplicable, calendar[AktivitetskravInfo].Result);
        Assert.Equal(MilestoneResult.NotApplicable, calendar[AktivitetskravVurdering].Result);
    }

    [Fact]
    public void T7_the_case_closes_at_the_start_of_the_17th_day_after_the_last_sick_day()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(20)));

        scenario.RunUntil(SPlus(28)); // OPPFOLGINGSPLAN_FRIST falls due before the close
        Assert.Equal(Time.NorwegianTime.StartOf(Day(37)), scenario.State.NextWakeUp);
        scenario.RunUntil(Time.NorwegianTime.StartOf(Day(37)).AddTicks(-1));
        Assert.False(scenario.State.IsClosed);
        scenario.RunUntil(Time.NorwegianTime.StartOf(Day(37)));
        Assert.True(scenario.State.IsClosed);
        Assert.Equal(Day(37), scenario.State.ClosedOn);
    }

    [Fact]
    public void T7_a_sykmelding_after_15_non_sick_days_continues_the_open_case()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(20)));
        scenario.Receive(Sm("sm-2", Day(36), Day(80)), receivedOn: Day(36));

        Assert.False(scenario.State.IsClosed);
        Assert.Equal((Day(1), Day(80)), (scenario.State.Tilfelle!.Start, scenario.State.Tilfelle.End));
        Assert.Empty(scenario.State.CarryOver);
    }

    [Fact]
    public void Dodsfall_closes_the_case_with_outcome_Dod_and_nothing_more_is_sent()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(300)));
        scenario.RunUntil(Day(50));
        var before = scenario.Effects.Count;

        var effects = scenario.Apply(new Dodsfall("dod-1", On(Day(51)), Day(50)));
        scenario.Apply(new MotebehovMeldt("mb-1", On(Day(52)), MotebehovFra.Arbeidsgiver, HarBehov: true));
        scenario.RunUntil(Day(400));

        Assert.Empty(effects);
        Assert.Equal(before, scenario.Effects.Count);
        Assert.Equal((CaseOutcome.Dod, Day(50)), (scenario.State.Outcome, scenario.State.ClosedOn));
        Assert.Equal(MilestoneResult.Cancelled, scenario.State.Milestones(On(Day(400)))[AktivitetskravVurdering].Result);
        Assert.Null(scenario.State.NextWakeUp);
    }

    [Fact]
    public void Friskmelding_til_arbeidsformidling_keeps_the_case_open_until_its_tom_then_closes_it()
    {
        var scenario = new CaseScenario();
        scenario.Receive(Sm("sm-1", Day(1), Day(200)));
        scenario.Apply(new FriskmeldingTilArbeidsformidling("fta-1", On(Day(60)), Domain.Input.Periode.Of(Day(61), Day(61 + 83))));
        scenario.RunUntil(Day(200));

        Assert.Equal(Day(60), scenario.State.Tilfelle!.End);
        Assert.Equal((CaseOutcome.Friskmeldt, Day(61 + 84)), (scenario.State.Outcome, scenario.State.ClosedOn));
        Assert.DoesNotContain(Dialogmote2Kandidat, scenario.FiredCodes); // no longer sick for the job: the tilfelle ended
    }
}
