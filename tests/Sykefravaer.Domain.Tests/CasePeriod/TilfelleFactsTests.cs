using Sykefravaer.Domain.CasePeriod;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>T2–T5 and T7: the facts a tilfelle exposes to the milestone rules.</summary>
public class TilfelleFactsTests
{
    private static readonly DateOnly S = D("2024-03-04");

    [Fact]
    public void T2_start_is_the_first_sick_day_and_end_the_planned_last_one()
    {
        var tilfelle = Single(Ledger(Of("b", "2024-03-11", "2024-12-31"), Of("a", "2024-03-04", "2024-03-10")));

        Assert.Equal(S, tilfelle.Start);
        Assert.Equal(D("2024-12-31"), tilfelle.End);
        Assert.Equal(S, tilfelle.Day(1));
        Assert.Equal(D("2024-04-28"), tilfelle.Day(56));
    }

    [Fact]
    public void T3_exactly_56_sick_days()
    {
        var tilfelle = Single(Ledger(Of("a", S, S.AddDays(55))));

        Assert.Equal(56, tilfelle.AntallSykedager);
        Assert.Equal(tilfelle.Day(56), tilfelle.End);
    }

    [Fact]
    public void T3_non_sick_days_inside_the_tilfelle_do_not_count()
    {
        // 30 + 26 = 56 sick days, but spread over 66 calendar days.
        var tilfelle = Single(Ledger(Of("a", S, S.AddDays(29)), Of("b", S.AddDays(40), S.AddDays(65))));

        Assert.Equal(56, tilfelle.AntallSykedager);
        Assert.False(tilfelle.IsSickOn(S.AddDays(35)));
    }

    [Theory]
    [InlineData(SykmeldingType.Behandlingsdager)]
    [InlineData(SykmeldingType.Reisetilskudd)]
    public void T3_behandlingsdager_and_reisetilskudd_are_not_sick_days(SykmeldingType type)
    {
        var ledger = Ledger(
            Of("a", "2024-03-04", "2024-03-10"),
            Of("b", "2024-03-11", "2024-04-30", type: type));

        var tilfelle = Single(ledger);
        Assert.Equal(7, tilfelle.AntallSykedager);
        Assert.Equal(D("2024-03-10"), tilfelle.End);
    }

    [Fact]
    public void T3_a_day_covered_by_behandlingsdager_and_an_ordinary_sykmelding_is_sick()
    {
        var ledger = Ledger(
            Of("a", "2024-03-04", "2024-03-20"),
            Of("b", "2024-03-01", "2024-03-31", type: SykmeldingType.Behandlingsdager));

        Assert.Equal(17, Single(ledger).AntallSykedager);
    }

    [Fact]
    public void T2_end_on_S_plus_118_and_S_plus_119_as_tilfelle_facts()
    {
        // DIALOGMOTE2_KANDIDAT applies when end >= S + 119: the boundary must be visible in the facts.
        var short1 = Single(Ledger(Of("a", S, S.AddDays(118))));
        var long1 = Single(Ledger(Of("a", S, S.AddDays(119))));

        Assert.Equal(S.AddDays(118), short1.End);
        Assert.Equal(S.AddDays(119), long1.End);
        Assert.Equal(119, short1.AntallSykedager);
        Assert.Equal(120, long1.AntallSykedager);
    }

    [Fact]
    public void T4_gradert_on_the_last_day_makes_the_tilfelle_gradert()
    {
        var tilfelle = Single(Ledger(Of("a", "2024-03-04", "2024-03-31"), Of("b", "2024-04-01", "2024-04-30", grad: 50)));

        Assert.True(tilfelle.GradertAtEnd);
    }

    [Fact]
    public void T4_full_sick_on_the_last_day_after_gradert_is_not_gradert()
    {
        var tilfelle = Single(Ledger(Of("a", "2024-03-04", "2024-03-31", grad: 50), Of("b", "2024-04-01", "2024-04-30")));

        Assert.False(tilfelle.GradertAtEnd);
        Assert.Equal(50, tilfelle.GradOn(D("2024-03-31"))!.Value.Percent);
    }

    [Fact]
    public void T4_overlapping_grades_take_the_highest_whatever_the_arrival_order()
    {
        var full = Of("full", "2024-03-04", "2024-03-31");
        var gradert = Of("gradert", "2024-03-20", "2024-03-31", grad: 40);

        var one = Single(Ledger(full, gradert));
        var other = Single(Ledger(gradert, full));

        Assert.False(one.GradertAtEnd);
        Assert.Equal(one, other);
        Assert.Single(one.Spans);
    }

    [Fact]
    public void T5_a_tilfelle_without_employer_has_none()
    {
        var tilfelle = Single(Ledger(Of("a", "2024-03-04", "2024-03-31", withoutEmployer: true)));

        Assert.False(tilfelle.HasEmployer);
        Assert.Null(tilfelle.Arbeidsgiver);
    }

    [Fact]
    public void T5_the_employer_is_that_of_the_last_sykmelding()
    {
        var withEmployer = Single(Ledger(
            Of("a", "2024-03-04", "2024-03-31", withoutEmployer: true),
            Of("b", "2024-04-01", "2024-04-30", arbeidsgiver: EmployerB)));
        var without = Single(Ledger(
            Of("a", "2024-03-04", "2024-03-31", arbeidsgiver: EmployerB),
            Of("b", "2024-04-01", "2024-04-30", withoutEmployer: true)));

        Assert.Equal(EmployerB, withEmployer.Arbeidsgiver);
        Assert.False(without.HasEmployer);
    }

    [Fact]
    public void T5_on_overlap_the_newest_sykmelding_decides_the_employer()
    {
        var older = Of("z-older", "2024-03-04", "2024-04-30", arbeidsgiver: EmployerA);
        var newer = Of("a-newer", "2024-04-01", "2024-04-30", arbeidsgiver: EmployerB);

        var tilfelle = Single(Ledger(newer, older));

        Assert.Equal(EmployerB, tilfelle.Arbeidsgiver);
        Assert.Equal(2, tilfelle.Spans.Length);
        Assert.Equal(EmployerA, tilfelle.Spans[0].Arbeidsgiver);
    }

    [Fact]
    public void T5_on_overlap_with_the_same_start_one_naming_an_employer_wins()
    {
        var without = Of("a", "2024-03-04", "2024-03-31", withoutEmployer: true);
        var with = Of("b", "2024-03-04", "2024-03-31", arbeidsgiver: EmployerB);

        Assert.Equal(EmployerB, Single(Ledger(without, with)).Arbeidsgiver);
        Assert.Equal(EmployerB, Single(Ledger(with, without)).Arbeidsgiver);
    }

    [Fact]
    public void T7_ClosesOn_is_the_day_after_16_non_sick_days()
    {
        var tilfelle = Single(Ledger(Of("a", "2024-03-04", "2024-03-31")));

        Assert.Equal(D("2024-04-17"), tilfelle.ClosesOn);
    }

    [Fact]
    public void T7_a_sykmelding_before_ClosesOn_continues_the_case_one_on_ClosesOn_starts_a_new_one()
    {
        var first = Of("a", "2024-03-04", "2024-03-31");
        var closesOn = Single(Ledger(first)).ClosesOn;

        var continued = Ledger(first, Of("b", closesOn.AddDays(-1), closesOn.AddDays(10))).Tilfeller();
        var newCase = Ledger(first, Of("b", closesOn, closesOn.AddDays(10))).Tilfeller();

        Assert.Single(continued);
        Assert.Equal(2, newCase.Length);
    }
}
