using static Sykefravaer.Domain.Tests.CasePeriod.Sm;
using static Sykefravaer.Domain.Tests.Sykepenger.MaksdatoM1Tests;

namespace Sykefravaer.Domain.Tests.Sykepenger;

/// <summary>M3: at most 60 sykepengedager after the 67th birthday; none from the 70th.</summary>
public class MaksdatoM3Tests
{
    private static readonly Sykefravaer.Domain.CasePeriod.SykmeldingLedger SickFrom2024 = Ledger(Of("a", "2024-01-01", "2024-12-31"));

    [Fact]
    public void M3_at_most_60_sykepengedager_counted_from_the_day_after_the_67th_birthday()
    {
        // 67 on Friday 14 June 2024: that day is still ordinary; 60 weekdays from Monday 17 June end 6 September.
        var result = Calculate(SickFrom2024, "2024-01-01", birthDate: D("1957-06-14"));

        Assert.Equal(D("2024-09-06"), result.Maksdato);
        Assert.Equal(108 + 60, result.RemainingDays);
    }

    [Fact]
    public void M3_the_67th_birthday_itself_is_not_in_the_reduced_period()
    {
        // 67 on Thursday 13 June instead: Friday 14 June is the first of the 60, so the maksdato is a day earlier.
        var result = Calculate(SickFrom2024, "2024-01-01", birthDate: D("1957-06-13"));

        Assert.Equal(D("2024-09-05"), result.Maksdato);
    }

    [Fact]
    public void M3_fewer_than_60_when_fewer_remain()
    {
        // 67 on 2 December 2024: only 19 weekdays remain to the ordinary maksdato 27 December.
        var result = Calculate(SickFrom2024, "2024-01-01", birthDate: D("1957-12-02"));

        Assert.Equal(D("2024-12-27"), result.Maksdato);
    }

    [Fact]
    public void M3_none_from_the_70th_birthday_on()
    {
        // 70 on Friday 15 March 2024 (67 since 2021): 42 weekdays are paid from 17 January to 14 March, then none.
        var result = Calculate(SickFrom2024, "2024-01-01", birthDate: D("1954-03-15"));

        Assert.Equal(D("2024-03-14"), result.Maksdato);
        Assert.Equal(42, result.RemainingDays);
    }

    [Fact]
    public void M3_after_the_70th_birthday_nothing_remains()
    {
        var result = Calculate(SickFrom2024, "2024-06-01", birthDate: D("1954-03-15"));

        Assert.Equal(0, result.RemainingDays);
        Assert.Equal(D("2024-03-14"), result.Maksdato);
    }

    [Fact]
    public void M3_without_a_birth_date_no_age_limit_applies()
    {
        var result = Calculate(SickFrom2024, "2024-01-01", birthDate: null);

        Assert.Equal(D("2024-12-27"), result.Maksdato);
    }
}
