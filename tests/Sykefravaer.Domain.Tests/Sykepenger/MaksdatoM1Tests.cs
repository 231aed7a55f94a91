using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Sykepenger;
using Sykefravaer.Domain.Tests.CasePeriod;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.Sykepenger;

/// <summary>M1: 248 weekdays after the 16-day arbeidsgiverperiode.</summary>
public class MaksdatoM1Tests
{
    internal static MaksdatoResult Calculate(SykmeldingLedger ledger, string asOf, DateOnly? birthDate = null) =>
        Maksdato.Calculate(ledger.Tilfeller(), D(asOf), birthDate);

    [Fact]
    public void M1_continuous_sick_leave_from_monday_2018_01_01_ends_friday_2018_12_28()
    {
        var result = Calculate(Ledger(Of("a", "2018-01-01", "2018-01-31")), "2018-01-01");

        Assert.Equal(D("2018-12-28"), result.Maksdato);
        Assert.Equal(0, result.UsedDays);
        Assert.Equal(248, result.RemainingDays);
    }

    [Fact]
    public void M1_leap_year_2024_from_monday_2024_01_01_ends_friday_2024_12_27()
    {
        var result = Calculate(Ledger(Of("a", "2024-01-01", "2024-12-31")), "2024-01-01");

        Assert.Equal(D("2024-12-27"), result.Maksdato);
    }

    [Theory]
    [InlineData("2023-07-03", "2024-06-28")] // across the year end, Monday start
    [InlineData("2023-07-01", "2024-06-26")] // Saturday start: the first sykepengedag is Monday 17 July
    [InlineData("2019-03-01", "2020-02-26")] // across 29 February 2020
    [InlineData("2023-03-01", "2024-02-27")] // across the year end into a leap year
    public void M1_maksdato_across_weekends_year_ends_and_a_leap_year(string start, string expected)
    {
        var result = Calculate(Ledger(Of("a", start, start)), start);

        Assert.Equal(D(expected), result.Maksdato);
    }

    [Fact]
    public void M1_arbeidsgiverperiode_ending_on_a_sunday_starts_sykepengedager_on_monday()
    {
        // Start Friday 2019-03-01: the arbeidsgiverperiode is 1–16 March (Saturday); 17 March is a Sunday.
        var ledger = Ledger(Of("a", "2019-03-01", "2019-03-31"));

        Assert.Equal(0, Calculate(ledger, "2019-03-17").UsedDays);
        Assert.Equal(1, Calculate(ledger, "2019-03-18").UsedDays);
    }

    [Fact]
    public void M1_used_and_remaining_days_on_a_date_add_up_to_248()
    {
        var ledger = Ledger(Of("a", "2018-01-01", "2018-06-30"));

        var result = Calculate(ledger, "2018-03-01");

        Assert.Equal(32, result.UsedDays);
        Assert.Equal(248 - 32, result.RemainingDays);
        Assert.Equal(D("2018-12-28"), result.Maksdato);
    }

    [Fact]
    public void M1_gradert_days_count_as_whole_sykepengedager()
    {
        var full = Calculate(Ledger(Of("a", "2018-01-01", "2018-06-30")), "2018-03-01");
        var gradert = Calculate(Ledger(Of("a", "2018-01-01", "2018-06-30", grad: 20)), "2018-03-01");

        Assert.Equal(full, gradert);
    }

    [Fact]
    public void M1_each_tilfelle_has_its_own_arbeidsgiverperiode()
    {
        // Tilfelle 1: 1–31 January 2024 (11 + 0: 17–31 Jan has 11 weekdays). Tilfelle 2 from Monday 19 February:
        // its own arbeidsgiverperiode runs to 5 March, so 6 March is its first sykepengedag.
        var ledger = Ledger(Of("a", "2024-01-01", "2024-01-31"), Of("b", "2024-02-19", "2024-03-31"));

        Assert.Equal(2, ledger.Tilfeller().Length);
        Assert.Equal(11, Calculate(ledger, "2024-03-05").UsedDays);
        Assert.Equal(12, Calculate(ledger, "2024-03-06").UsedDays);
    }

    [Fact]
    public void M1_a_sykmelding_dated_ahead_projects_from_its_own_start()
    {
        var result = Calculate(Ledger(Of("a", "2024-01-01", "2024-01-31")), "2023-12-20");

        Assert.Equal(D("2024-12-27"), result.Maksdato);
        Assert.Equal(248, result.RemainingDays);
    }

    [Fact]
    public void M1_used_up_days_leave_nothing_remaining_and_keep_the_maksdato()
    {
        var result = Calculate(Ledger(Of("a", "2018-01-01", "2019-06-30")), "2019-03-01");

        Assert.Equal(D("2018-12-28"), result.Maksdato);
        Assert.Equal(248, result.UsedDays);
        Assert.Equal(0, result.RemainingDays);
    }

    [Fact]
    public void M1_without_any_tilfelle_a_new_sick_leave_is_projected_from_the_next_day()
    {
        var result = Maksdato.Calculate([], D("2017-12-31"), birthDate: null);

        Assert.Equal(D("2018-12-28"), result.Maksdato);
        Assert.Equal(248, result.RemainingDays);
    }
}
