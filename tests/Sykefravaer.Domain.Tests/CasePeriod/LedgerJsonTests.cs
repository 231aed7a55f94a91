using System.Text.Json;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>T6: the ledger travels in workflow state, so it must survive System.Text.Json with default options.</summary>
public class LedgerJsonTests
{
    [Fact]
    public void T6_the_ledger_round_trips_through_System_Text_Json()
    {
        var ledger = SykmeldingLedger.Empty
            .Receive(Of("b", "2024-02-01", "2024-02-29", grad: 40, arbeidsgiver: EmployerB))
            .Receive(Of("a", "2024-01-08", "2024-01-31", withoutEmployer: true))
            .Receive(Of("t", "2024-03-01", "2024-03-05", type: SykmeldingType.Behandlingsdager))
            .Correct(Of("c", "2024-03-10", "2024-03-20"))
            .Withdraw("gone")
            .Friskmeld(D("2024-03-15"));

        var json = JsonSerializer.Serialize(ledger);
        var back = JsonSerializer.Deserialize<SykmeldingLedger>(json);

        Assert.Equal(ledger, back);
        Assert.Equal<Oppfolgingstilfelle>(ledger.Tilfeller(), back!.Tilfeller());
        // Still behaves like the original: a late original under a corrected id stays ignored.
        Assert.Equal(back, back.Receive(Of("c", "2024-01-01", "2024-03-20")));
    }

    [Fact]
    public void T6_the_empty_ledger_round_trips()
    {
        var back = JsonSerializer.Deserialize<SykmeldingLedger>(JsonSerializer.Serialize(SykmeldingLedger.Empty));

        Assert.Equal(SykmeldingLedger.Empty, back);
    }

    [Fact]
    public void T6_a_tampered_grade_in_stored_state_is_refused()
    {
        var json = JsonSerializer.Serialize(Ledger(Of("a", "2024-01-08", "2024-01-31", grad: 50)))
            .Replace("\"Percent\":50", "\"Percent\":500", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidInputException>(() => JsonSerializer.Deserialize<SykmeldingLedger>(json));
        Assert.Equal("grad", error.Field);
    }
}
