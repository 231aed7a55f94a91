using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Recurrence;
using static Sykefravaer.Domain.Tests.Recurrence.Tilfeller;

namespace Sykefravaer.Domain.Tests.Recurrence;

/// <summary>GJENTAKENDE_SYKEFRAVAER: more than 4 tilfeller of 16 sick days or more ending in the last 36 months with
/// more than 100 sick days in all, or more than 1 with more than 300 (NAV's veileder view).</summary>
public class GjentakendeSykefravaerTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly LastMonth = Today.AddMonths(-1);

    [Theory]
    [InlineData(5, 20, false)] // 100 days in all: not over 100
    [InlineData(5, 21, true)] // 105
    [InlineData(4, 70, false)] // 280 days, but only 4 tilfeller, and not over 300
    [InlineData(6, 16, false)] // 96 days
    [InlineData(2, 150, false)] // 300 days: not over 300
    [InlineData(2, 151, true)] // 302
    [InlineData(1, 364, false)] // one long tilfelle is not recurrence
    [InlineData(0, 0, false)]
    public void GJENTAKENDE_SYKEFRAVAER_holds_by_the_number_of_tilfeller_and_their_sick_days(int count, int days, bool expected)
    {
        Oppfolgingstilfelle[] tilfeller = count == 0 ? [] : Several(count, days, LastMonth);
        Assert.Equal(expected, GjentakendeSykefravaer.Holds(tilfeller, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_five_tilfeller_need_more_than_100_sick_days_not_100()
    {
        Oppfolgingstilfelle[] hundred = [.. Several(4, 20, LastMonth), Ending(Today.AddMonths(-20), 20)];
        Oppfolgingstilfelle[] hundredAndOne = [.. Several(4, 20, LastMonth), Ending(Today.AddMonths(-20), 21)];

        Assert.Equal(new RecurrenceCount(5, 100), GjentakendeSykefravaer.Count(hundred, Today));
        Assert.False(GjentakendeSykefravaer.Holds(hundred, Today));
        Assert.True(GjentakendeSykefravaer.Holds(hundredAndOne, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_two_tilfeller_need_more_than_300_sick_days_not_300()
    {
        Oppfolgingstilfelle[] threeHundred = [Ending(LastMonth, 150), Ending(Today.AddMonths(-12), 150)];
        Oppfolgingstilfelle[] threeHundredAndOne = [Ending(LastMonth, 151), Ending(Today.AddMonths(-12), 150)];

        Assert.False(GjentakendeSykefravaer.Holds(threeHundred, Today));
        Assert.True(GjentakendeSykefravaer.Holds(threeHundredAndOne, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_a_tilfelle_of_15_sick_days_does_not_count_one_of_16_does()
    {
        var four = Several(4, 30, LastMonth);
        Oppfolgingstilfelle[] withFifteen = [.. four, Ending(Today.AddMonths(-30), 15)];
        Oppfolgingstilfelle[] withSixteen = [.. four, Ending(Today.AddMonths(-30), 16)];

        Assert.Equal(new RecurrenceCount(4, 120), GjentakendeSykefravaer.Count(withFifteen, Today));
        Assert.False(GjentakendeSykefravaer.Holds(withFifteen, Today));
        Assert.True(GjentakendeSykefravaer.Holds(withSixteen, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_counts_sick_days_not_the_calendar_days_a_tilfelle_spans()
    {
        // 8 + 7 sick days with 10 non-sick days between: one tilfelle (T1) spanning 25 days, 15 of them sick.
        var end = Today.AddMonths(-30);
        var gapped = new Oppfolgingstilfelle(
        [
            new SickSpan(Periode.Of(end.AddDays(-24), end.AddDays(-17)), Grad.Full, null),
            new SickSpan(Periode.Of(end.AddDays(-6), end), Grad.Full, null),
        ]);
        Oppfolgingstilfelle[] tilfeller = [.. Several(4, 30, LastMonth), gapped];

        Assert.Equal(15, gapped.AntallSykedager);
        Assert.False(GjentakendeSykefravaer.Holds(tilfeller, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_counts_a_tilfelle_ending_exactly_36_months_ago_but_not_a_day_earlier()
    {
        var four = Several(4, 30, LastMonth);
        var windowStart = Today.AddMonths(-36);
        Oppfolgingstilfelle[] onTheEdge = [.. four, Ending(windowStart, 20)];
        Oppfolgingstilfelle[] justOutside = [.. four, Ending(windowStart.AddDays(-1), 20)];

        Assert.True(GjentakendeSykefravaer.Holds(onTheEdge, Today));
        Assert.False(GjentakendeSykefravaer.Holds(justOutside, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_counts_a_tilfelle_that_has_not_ended_yet()
    {
        var running = new Oppfolgingstilfelle([new SickSpan(Periode.Of(Today.AddDays(-100), Today.AddDays(100)), Grad.Full, null)]);
        Oppfolgingstilfelle[] tilfeller = [Ending(Today.AddMonths(-14), 120), running];

        Assert.Equal(new RecurrenceCount(2, 321), GjentakendeSykefravaer.Count(tilfeller, Today));
        Assert.True(GjentakendeSykefravaer.Holds(tilfeller, Today));
    }

    [Fact]
    public void GJENTAKENDE_SYKEFRAVAER_grades_do_not_matter()
    {
        var gradert = new Oppfolgingstilfelle([new SickSpan(Periode.Of(LastMonth.AddDays(-199), LastMonth), Grad.Of(20), null)]);
        Oppfolgingstilfelle[] tilfeller = [gradert, Ending(Today.AddMonths(-10), 150)];

        Assert.True(GjentakendeSykefravaer.Holds(tilfeller, Today));
    }
}
