using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.CasePeriod;

public class GapRuleTests
{
    [Fact]
    public void T1_fifteen_non_sick_days_keep_one_tilfelle()
    {
        // RULES.md example: sick 1 Jan and 17 Jan (15 days between) is one tilfelle.
        var ledger = Ledger(Of("a", "2024-01-01", "2024-01-01"), Of("b", "2024-01-17", "2024-01-17"));

        var tilfelle = Single(ledger);

        Assert.Equal(D("2024-01-01"), tilfelle.Start);
        Assert.Equal(D("2024-01-17"), tilfelle.End);
        Assert.Equal(2, tilfelle.AntallSykedager);
    }

    [Fact]
    public void T1_sixteen_non_sick_days_split_into_two_tilfeller()
    {
        // RULES.md example: sick 1 Jan and 18 Jan (16 days between) is two.
        var ledger = Ledger(Of("a", "2024-01-01", "2024-01-01"), Of("b", "2024-01-18", "2024-01-18"));

        var tilfeller = ledger.Tilfeller();

        Assert.Equal(2, tilfeller.Length);
        Assert.Equal(D("2024-01-01"), tilfeller[0].End);
        Assert.Equal(D("2024-01-18"), tilfeller[1].Start);
    }

    [Fact]
    public void T1_days_covered_by_no_sykmelding_are_non_sick_even_between_long_sykmeldinger()
    {
        var ledger = Ledger(Of("a", "2024-01-01", "2024-01-31"), Of("b", "2024-02-17", "2024-03-10"));

        Assert.Equal(2, ledger.Tilfeller().Length);
    }

    [Fact]
    public void T1_a_sykmelding_filling_the_gap_joins_two_tilfeller_into_one()
    {
        var ledger = Ledger(Of("a", "2024-01-01", "2024-01-31"), Of("b", "2024-03-01", "2024-03-10"))
            .Receive(Of("c", "2024-02-10", "2024-02-15"));

        var tilfelle = Single(ledger);
        Assert.Equal(3, tilfelle.Spans.Length);
        Assert.Equal(31 + 6 + 10, tilfelle.AntallSykedager);
    }

    [Fact]
    public void T1_no_sykmeldinger_give_no_tilfelle()
    {
        Assert.Empty(Sykefravaer.Domain.CasePeriod.SykmeldingLedger.Empty.Tilfeller());
    }
}
