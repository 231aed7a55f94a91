using Sykefravaer.Domain.CasePeriod;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;
using static Sykefravaer.Domain.Tests.Sykepenger.MaksdatoM1Tests;

namespace Sykefravaer.Domain.Tests.Sykepenger;

/// <summary>M2: reset after 182 days without sykepenger; only the last 3 years count.</summary>
public class MaksdatoM2Tests
{
    // Tilfelle 1 pays 52 sykepengedager, the last on Thursday 28 March 2024.
    private static readonly Sykmelding First = Of("first", "2024-01-01", "2024-03-28");

    [Fact]
    public void M2_181_days_without_sykepenger_do_not_reset_the_count()
    {
        // New tilfelle from 10 September: its first sykepengedag, 26 September, follows 181 days without.
        var ledger = Ledger(First, Of("second", "2024-09-10", "2024-12-31"));

        var result = Calculate(ledger, "2024-09-26");

        Assert.Equal(53, result.UsedDays);
        Assert.Equal(248 - 53, result.RemainingDays);
    }

    [Fact]
    public void M2_182_days_without_sykepenger_reset_the_count()
    {
        // New tilfelle from 11 September: its first sykepengedag, 27 September, follows 182 days without.
        var ledger = Ledger(First, Of("second", "2024-09-11", "2024-12-31"));

        var result = Calculate(ledger, "2024-09-27");

        Assert.Equal(1, result.UsedDays);
        Assert.Equal(247, result.RemainingDays);
    }

    [Fact]
    public void M2_days_used_more_than_3_years_ago_no_longer_count()
    {
        // Nine short tilfeller 150 days apart, each paying about ten days: never 182 days without sykepenger,
        // so no reset; the first sykepengedag (22 January 2020) leaves the 3-year window on 22 January 2023.
        var ledger = SykmeldingLedger.Empty;
        for (var k = 0; k < 9; k++)
        {
            var start = D("2020-01-06").AddDays(150 * k);
            ledger = ledger.Receive(Of($"s{k}", start, start.AddDays(29)));
        }

        Assert.Equal(80, Calculate(ledger, "2023-01-21").UsedDays);
        Assert.Equal(79, Calculate(ledger, "2023-01-22").UsedDays);
    }

    [Fact]
    public void M2_used_up_days_are_not_regained_while_still_sick()
    {
        // Sick without a break for two years: after the maksdato, being sick without pay is no reset (§ 8-12 (2)).
        var ledger = Ledger(Of("a", "2018-01-01", "2019-12-31"));

        var result = Calculate(ledger, "2019-12-31");

        Assert.Equal(D("2018-12-28"), result.Maksdato);
        Assert.Equal(0, result.RemainingDays);
    }

    [Fact]
    public void M2_after_using_up_the_days_182_days_well_give_a_new_full_count()
    {
        // Used up on 28 December 2018, sick to 31 December, then well from 1 January to 1 July 2019 (182 days).
        var ledger = Ledger(Of("a", "2018-01-01", "2018-12-31"), Of("b", "2019-07-02", "2019-07-31"));

        var result = Calculate(ledger, "2019-07-02");

        Assert.Equal(0, result.UsedDays);
        Assert.Equal(248, result.RemainingDays);
    }
}
