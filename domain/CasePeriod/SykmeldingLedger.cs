using System.Collections.Immutable;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>
/// T6: everything known about a person's sykmeldinger, by sykmelding id, however late or out of order it came.
/// Immutable; every operation is idempotent, and the <see cref="Tilfeller"/> do not depend on arrival order.
/// Serialises with System.Text.Json (it travels in workflow state across continue-as-new).
/// </summary>
public sealed record SykmeldingLedger
{
    public static SykmeldingLedger Empty { get; } = new();

    /// <summary>A new sykmelding. A known id changes nothing (duplicate); so does an id already withdrawn or corrected.</summary>
    public SykmeldingLedger Receive(Sykmelding sykmelding) => throw new NotImplementedException();

    /// <summary>Replaces the sykmelding with the same id (T6), whether or not the original has arrived yet.</summary>
    public SykmeldingLedger Correct(Sykmelding correction) => throw new NotImplementedException();

    /// <summary>Removes the sykmelding with that id for good, whether or not it has arrived yet.</summary>
    public SykmeldingLedger Withdraw(string sykmeldingId) => throw new NotImplementedException();

    /// <summary>The person is well from <paramref name="dato"/>: sick days on and after it, of sykmeldinger that
    /// began before it, are no longer sick days. A sykmelding starting on or after it is a new sick leave.</summary>
    public SykmeldingLedger Friskmeld(DateOnly dato) => throw new NotImplementedException();

    /// <summary>All tilfeller (T1), chronological.</summary>
    public ImmutableArray<Oppfolgingstilfelle> Tilfeller() => throw new NotImplementedException();
}
