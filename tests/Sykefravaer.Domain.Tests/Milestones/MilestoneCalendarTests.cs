using System.Collections.Immutable;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;
using static Sykefravaer.Domain.Milestones.MilestoneCodes;
using static Sykefravaer.Domain.Tests.Milestones.Facts;

namespace Sykefravaer.Domain.Tests.Milestones;

/// <summary>The calendar for one set of facts: due dates, applicability, satisfaction, results.</summary>
public class MilestoneCalendarTests
{
    [Fact]
    public void OPPFOLGINGSPLAN_FRIST_is_due_S_plus_28_and_satisfied_once_the_plan_is_shared_with_the_sykmelder()
    {
        var facts = SickUntil(60);
        Assert.Equal(S.AddDays(28), facts.Status(OppfolgingsplanFrist).Due);
        Assert.Equal(MilestoneResult.Pending, facts.Status(OppfolgingsplanFrist).Result);

        var shared = facts with { OppfolgingsplanSharedWithSykmelder = true };
        Assert.Equal(MilestoneResult.Satisfied, shared.Status(OppfolgingsplanFrist).Result);
    }

    [Fact]
    public void OPPFOLGINGSPLAN_FRIST_and_the_other_employer_milestones_do_not_apply_without_employer()
    {
        var facts = SickUntil(300, employer: false);
        string[] employerOnly = [OppfolgingsplanFrist, Dialogmote1Frist, MotebehovSporsmal, Dialogmote2Kandidat, Dialogmote2Frist];
        Assert.All(employerOnly, code => Assert.Equal(MilestoneResult.NotApplicable, facts.Status(code).Result));
        Assert.Equal(MilestoneResult.Pending, facts.Status(NavOppfolgingUtenArbeidsgiver).Result);
    }

    [Fact]
    public void NAV_OPPFOLGING_UTEN_ARBEIDSGIVER_is_due_S_plus_28_only_without_employer()
    {
        Assert.Equal(S.AddDays(28), SickUntil(60, employer: false).Status(NavOppfolgingUtenArbeidsgiver).Due);
        Assert.Equal(MilestoneResult.NotApplicable, SickUntil(60).Status(NavOppfolgingUtenArbeidsgiver).Result);
    }

    [Theory]
    [InlineData(41, MilestoneResult.NotApplicable)]
    [InlineData(42, MilestoneResult.Pending)]
    public void AKTIVITETSKRAV_INFO_applies_when_still_sick_on_S_plus_42(int lastOffset, MilestoneResult expected)
    {
        Assert.Equal(expected, SickUntil(lastOffset).Status(AktivitetskravInfo).Result);
    }

    [Theory]
    [InlineData(100, MilestoneResult.Pending)]
    [InlineData(50, MilestoneResult.NotApplicable)]
    public void DIALOGMOTE1_FRIST_applies_when_100_percent_sick_on_its_due_day(int gradeOnDueDay, MilestoneResult expected)
    {
        var facts = Of((0, 48, 100), (49, 49, gradeOnDueDay), (50, 80, 100));
        Assert.Equal(expected, facts.Status(Dialogmote1Frist).Result);
    }

    [Fact]
    public void DIALOGMOTE1_FRIST_applies_to_a_gradert_tilfelle_when_a_party_asked_for_a_meeting()
    {
        var facts = SickUntil(80, grad: 40) with { MotebehovRequested = true };
        Assert.Equal(MilestoneResult.Pending, facts.Status(Dialogmote1Frist).Result);
    }

    [Theory]
    [InlineData(48, MilestoneResult.NotApplicable)]
    [InlineData(49, MilestoneResult.Pending)]
    public void DIALOGMOTE1_FRIST_does_not_apply_to_a_person_no_longer_sick_on_its_due_day_even_with_a_motebehov(
        int lastOffset, MilestoneResult expected)
    {
        var facts = SickUntil(lastOffset) with { MotebehovRequested = true };
        Assert.Equal(expected, facts.Status(Dialogmote1Frist).Result);
    }

    [Fact]
    public void DIALOGMOTE1_FRIST_under_the_2024_rule_set_still_applies_after_the_sick_leave_ended_when_a_motebehov_was_registered()
    {
        // Cases started under 2024 keep its rules (docs/EVOLUTION.md); the 2026 version corrected this.
        var facts = SickUntil(40) with { MotebehovRequested = true };
        Assert.Equal(MilestoneResult.Pending, facts.Status(Dialogmote1Frist, ruleSet: RuleSets.Release2024).Result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DIALOGMOTE1_FRIST_is_satisfied_by_a_dialogmote_1_held_or_exempted(bool avholdt)
    {
        Assert.Equal(MilestoneResult.Satisfied, SickUntil(80).WithDialogmote(1, avholdt, 30).Status(Dialogmote1Frist).Result);
        Assert.Equal(MilestoneResult.Pending, SickUntil(80).WithDialogmote(2, avholdt, 30).Status(Dialogmote1Frist).Result);
    }

    [Theory]
    [InlineData(55, MilestoneResult.Pending)] // S..S+55 is exactly 56 sick days
    [InlineData(54, MilestoneResult.NotApplicable)] // 55 sick days
    public void AKTIVITETSKRAV_VURDERING_applies_from_exactly_56_sick_days(int lastOffset, MilestoneResult expected)
    {
        var facts = SickUntil(lastOffset);
        Assert.Equal(expected == MilestoneResult.Pending ? 56 : 55, facts.Tilfelle.AntallSykedager);
        Assert.Equal(expected, facts.Status(AktivitetskravVurdering).Result);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_counts_sick_days_not_calendar_days()
    {
        // 60 calendar days, but a 10-day gap leaves 50 sick days.
        var facts = Of((0, 24, 100), (35, 59, 100));
        Assert.Equal(50, facts.Tilfelle.AntallSykedager);
        Assert.Equal(MilestoneResult.NotApplicable, facts.Status(AktivitetskravVurdering).Result);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_gradert_at_end_is_fulfilled_automatically()
    {
        var facts = Of((0, 60, 100), (61, 90, 50));
        Assert.Equal(MilestoneResult.Satisfied, facts.Status(AktivitetskravVurdering).Result);
        Assert.Equal(MilestoneResult.Pending, Of((0, 60, 50), (61, 90, 100)).Status(AktivitetskravVurdering).Result);
    }

    [Fact]
    public void AKTIVITETSKRAV_VURDERING_is_satisfied_when_a_veileder_already_assessed_the_aktivitetskrav()
    {
        Assert.Equal(MilestoneResult.Satisfied, (SickUntil(90) with { AktivitetskravAssessed = true }).Status(AktivitetskravVurdering).Result);
    }

    [Fact]
    public void MOTEBEHOV_SPORSMAL_is_due_S_plus_112_for_a_case_with_employer()
    {
        Assert.Equal(S.AddDays(112), SickUntil(200).Status(MotebehovSporsmal).Due);
        Assert.Equal(MilestoneResult.Pending, SickUntil(200).Status(MotebehovSporsmal).Result);
    }

    [Theory]
    [InlineData(118, MilestoneResult.NotApplicable)]
    [InlineData(119, MilestoneResult.Pending)]
    public void DIALOGMOTE2_KANDIDAT_needs_the_tilfelle_to_end_on_or_after_S_plus_119(int lastOffset, MilestoneResult expected)
    {
        Assert.Equal(expected, SickUntil(lastOffset).Status(Dialogmote2Kandidat).Result);
    }

    [Fact]
    public void DIALOGMOTE2_KANDIDAT_is_satisfied_by_a_dialogmote_held_since_the_start_but_not_by_one_before_it()
    {
        Assert.Equal(MilestoneResult.Satisfied, SickUntil(200).WithDialogmote(1, true, 40).Status(Dialogmote2Kandidat).Result);
        Assert.Equal(MilestoneResult.Pending, SickUntil(200).WithDialogmote(1, true, -3).Status(Dialogmote2Kandidat).Result);
        Assert.Equal(MilestoneResult.Pending, SickUntil(200).WithDialogmote(1, false, 40).Status(Dialogmote2Kandidat).Result);
    }

    [Fact]
    public void DIALOGMOTE2_FRIST_is_satisfied_by_dialogmote_2_held_or_exempted_and_not_by_dialogmote_1()
    {
        Assert.Equal(MilestoneResult.Pending, SickUntil(250).WithDialogmote(1, true, 40).Status(Dialogmote2Frist).Result);
        Assert.Equal(MilestoneResult.Satisfied, SickUntil(250).WithDialogmote(2, false, 150).Status(Dialogmote2Frist).Result);
        Assert.Equal(S.AddDays(182), SickUntil(250).Status(Dialogmote2Frist).Due);
    }

    [Theory]
    [InlineData("1957-12-01", MilestoneResult.Pending)] // 66 on S+273 (2024-09-30)
    [InlineData("1957-09-30", MilestoneResult.NotApplicable)] // 67 on that very day
    public void SNART_SLUTT_SYKEPENGER_applies_only_under_67_on_its_due_date(string birthDate, MilestoneResult expected)
    {
        var facts = SickUntil(300) with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(S.AddDays(273), facts.Status(SnartSluttSykepenger).Due);
        Assert.Equal(expected, facts.Status(SnartSluttSykepenger).Result);
    }

    [Fact]
    public void SNART_SLUTT_SYKEPENGER_assumes_under_67_when_the_birth_date_is_unknown()
    {
        Assert.Equal(MilestoneResult.Pending, SickUntil(300).Status(SnartSluttSykepenger).Result);
    }

    [Fact]
    public void MAKSDATO_is_due_on_the_maksdato_when_still_sick_then()
    {
        var facts = SickUntil(400);
        Assert.Equal(SomeMaksdato, facts.Status(Maksdato).Due);
        Assert.Equal(MilestoneResult.Pending, facts.Status(Maksdato).Result);
        Assert.Equal(MilestoneResult.NotApplicable, SickUntil(300).Status(Maksdato).Result);
    }

    [Fact]
    public void Due_now_lists_pending_milestones_due_on_or_before_today_and_next_due_is_the_start_of_the_next_due_date_in_Norway()
    {
        var calendar = MilestoneCalendar.Evaluate(RuleSets.Default, SickUntil(200), ImmutableDictionary<string, DateOnly>.Empty, S.AddDays(42), false);

        Assert.Equal([OppfolgingsplanFrist, AktivitetskravInfo], calendar.DueNow.Select(m => m.Code));
        Assert.Equal(NorwegianTime.StartOf(S.AddDays(28)), calendar.NextDue);
        Assert.Equal(TimeSpan.FromHours(1), calendar.NextDue!.Value.Offset); // CET in January
    }

    [Fact]
    public void A_fired_milestone_stays_fired_with_its_date_whatever_the_facts_say_now()
    {
        var fired = ImmutableDictionary<string, DateOnly>.Empty.Add(AktivitetskravInfo, S.AddDays(42));
        var calendar = MilestoneCalendar.Evaluate(RuleSets.Default, SickUntil(20), fired, S.AddDays(50), false);

        Assert.Equal(MilestoneResult.Fired, calendar[AktivitetskravInfo].Result);
        Assert.Equal(S.AddDays(42), calendar[AktivitetskravInfo].FiredOn);
        Assert.False(calendar[AktivitetskravInfo].Applies);
    }

    [Fact]
    public void In_a_closed_case_what_would_still_fire_is_cancelled_but_not_applicable_and_satisfied_stay_so()
    {
        var facts = SickUntil(200) with { OppfolgingsplanSharedWithSykmelder = true };
        var calendar = MilestoneCalendar.Evaluate(RuleSets.Default, facts, ImmutableDictionary<string, DateOnly>.Empty, S.AddDays(60), true);

        Assert.Equal(MilestoneResult.Cancelled, calendar[AktivitetskravInfo].Result);
        Assert.Equal(MilestoneResult.Satisfied, calendar[OppfolgingsplanFrist].Result);
        Assert.Equal(MilestoneResult.NotApplicable, calendar[NavOppfolgingUtenArbeidsgiver].Result);
        Assert.Empty(calendar.DueNow);
        Assert.Null(calendar.NextDue);
    }

    [Fact]
    public void The_pre_2024_rule_set_puts_AKTIVITETSKRAV_VURDERING_one_day_later()
    {
        Assert.Equal(S.AddDays(55), SickUntil(90).Status(AktivitetskravVurdering).Due);
        Assert.Equal(S.AddDays(56), SickUntil(90).Status(AktivitetskravVurdering, ruleSet: RuleSets.Pre2024).Due);
    }
}
