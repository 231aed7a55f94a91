using Sykefravaer.Domain.CasePeriod;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>T6: late, corrected, withdrawn and duplicate sykmeldinger, and friskmelding.</summary>
public class LedgerEventTests
{
    private static readonly DateOnly Day1 = D("2024-01-08");

    [Fact]
    public void T6_a_duplicate_id_changes_nothing()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-01-31"));

        var again = ledger.Receive(Of("a", "2024-01-01", "2024-03-31", grad: 20));

        Assert.Same(ledger, again);
        Assert.Equal(D("2024-01-31"), Single(again).End);
    }

    [Fact]
    public void T6_a_sykmelding_arriving_on_day_130_dated_back_to_day_1_moves_the_start()
    {
        // The case so far began on day 40; on day 130 a sykmelding for day 1..39 arrives.
        var ledger = Ledger(Of("later", Day1.AddDays(39), Day1.AddDays(150)));

        var updated = ledger.Receive(Of("backdated", Day1, Day1.AddDays(38)));

        var tilfelle = Single(updated);
        Assert.Equal(Day1, tilfelle.Start);
        Assert.Equal(151, tilfelle.AntallSykedager);
    }

    [Fact]
    public void T6_a_correction_that_moves_the_start()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-02-29"));

        var corrected = ledger.Correct(Of("a", "2024-01-15", "2024-02-29"));

        Assert.Equal(D("2024-01-15"), Single(corrected).Start);
        Assert.Single(corrected.Sykmeldinger);
    }

    [Fact]
    public void T6_a_correction_arriving_before_its_original_wins_over_the_late_original()
    {
        var correction = Of("a", "2024-01-15", "2024-02-29", grad: 50);
        var original = Of("a", "2024-01-08", "2024-02-29");

        var ledger = SykmeldingLedger.Empty.Correct(correction).Receive(original);

        Assert.Equal(correction, ledger.Sykmeldinger["a"]);
        Assert.Equal(SykmeldingLedger.Empty.Receive(original).Correct(correction), ledger);
    }

    [Fact]
    public void T6_a_withdrawal_removes_the_sykmelding_and_splits_the_case_it_held_together()
    {
        var ledger = Ledger(
            Of("a", "2024-01-08", "2024-01-31"),
            Of("bridge", "2024-02-01", "2024-02-20"),
            Of("c", "2024-02-21", "2024-03-31"));

        var withdrawn = ledger.Withdraw("bridge");

        Assert.Equal(2, withdrawn.Tilfeller().Length);
        Assert.Single(ledger.Tilfeller());
    }

    [Fact]
    public void T6_anything_arriving_under_a_withdrawn_id_is_ignored()
    {
        var ledger = SykmeldingLedger.Empty.Withdraw("a");

        var after = ledger.Receive(Of("a", "2024-01-08", "2024-01-31")).Correct(Of("a", "2024-01-10", "2024-01-31"));

        Assert.Empty(after.Tilfeller());
        Assert.Equal(ledger, after);
    }

    [Fact]
    public void T6_withdrawing_an_unknown_id_only_remembers_it()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-01-31"));

        var after = ledger.Withdraw("never-seen");

        Assert.Equal<Oppfolgingstilfelle>(ledger.Tilfeller(), after.Tilfeller());
        Assert.Contains("never-seen", after.Withdrawn);
    }

    [Fact]
    public void T6_friskmelding_before_week_8_shortens_the_case_below_56_sick_days()
    {
        var ledger = Ledger(Of("a", Day1, Day1.AddDays(89)));

        var frisk = ledger.Friskmeld(Day1.AddDays(49));

        var tilfelle = Single(frisk);
        Assert.Equal(Day1.AddDays(48), tilfelle.End);
        Assert.Equal(49, tilfelle.AntallSykedager);
        Assert.Equal(Day1.AddDays(48 + 17), tilfelle.ClosesOn);
    }

    [Fact]
    public void T6_friskmelding_leaves_a_sykmelding_starting_on_or_after_it_alone()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-02-29"), Of("new", "2024-03-01", "2024-03-31"));

        var frisk = ledger.Friskmeld(D("2024-02-01"));

        var tilfeller = frisk.Tilfeller();
        Assert.Equal(2, tilfeller.Length);
        Assert.Equal(D("2024-01-31"), tilfeller[0].End);
        Assert.Equal(D("2024-03-01"), tilfeller[1].Start);
        Assert.Equal(D("2024-03-31"), tilfeller[1].End);
    }

    [Fact]
    public void T6_friskmelding_also_cuts_a_backdated_sykmelding_that_arrives_after_it()
    {
        var first = SykmeldingLedger.Empty.Friskmeld(D("2024-02-01")).Receive(Of("a", "2024-01-08", "2024-02-29"));
        var second = SykmeldingLedger.Empty.Receive(Of("a", "2024-01-08", "2024-02-29")).Friskmeld(D("2024-02-01"));

        Assert.Equal(D("2024-01-31"), Single(first).End);
        Assert.Equal(first, second);
    }

    [Fact]
    public void T6_friskmelding_on_the_first_day_of_a_sykmelding_does_not_remove_it()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-01-31")).Friskmeld(D("2024-01-08"));

        Assert.Equal(24, Single(ledger).AntallSykedager);
    }

    [Fact]
    public void T6_gradert_vs_100_percent_on_the_last_day_after_an_extension()
    {
        var ledger = Ledger(Of("a", "2024-01-08", "2024-02-29"));

        var gradertExtension = ledger.Receive(Of("b", "2024-03-01", "2024-03-15", grad: 60));
        var fullOverlap = gradertExtension.Receive(Of("c", "2024-03-15", "2024-03-15"));

        Assert.True(Single(gradertExtension).GradertAtEnd);
        Assert.False(Single(fullOverlap).GradertAtEnd);
    }
}
