using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>
/// T6: everything known about a person's sykmeldinger, by sykmelding id, however late or out of order it came.
/// Immutable; every operation is idempotent, and the <see cref="Tilfeller"/> do not depend on arrival order.
/// Serialises with System.Text.Json (it travels in workflow state across continue-as-new).
/// </summary>
/// <remarks>
/// Facts are kept, not conclusions: the ledger stores each sykmelding's latest version, the ids withdrawn and the
/// friskmelding dates, and derives the tilfeller from them on demand. That is what makes the
/// result independent of arrival order (a friskmelding also shortens a back-dated sykmelding that arrives after it).
/// Two things stay order-dependent because the sender made them so: two different sykmeldinger sent under the same
/// id (the first one received wins; a duplicate id is never a change) and two different corrections of one id (the
/// latest correction received wins).
/// </remarks>
public sealed record SykmeldingLedger
{
    private SykmeldingLedger()
        : this(
            ImmutableSortedDictionary<string, Sykmelding>.Empty,
            ImmutableSortedSet<string>.Empty,
            ImmutableSortedSet<DateOnly>.Empty)
    {
    }

    [JsonConstructor]
    private SykmeldingLedger(
        ImmutableSortedDictionary<string, Sykmelding> sykmeldinger,
        ImmutableSortedSet<string> withdrawn,
        ImmutableSortedSet<DateOnly> friskmeldinger)
    {
        // Ordinal order whatever the deserialiser chose, so that equality and derivation are culture-independent.
        Sykmeldinger = sykmeldinger.WithComparers(StringComparer.Ordinal);
        Withdrawn = withdrawn.WithComparer(StringComparer.Ordinal);
        Friskmeldinger = friskmeldinger;
    }

    /// <summary>A copy for <c>with</c> that takes the facts and leaves the derived tilfeller behind: the copy's facts
    /// are about to change, so it derives its own.</summary>
    private SykmeldingLedger(SykmeldingLedger original)
    {
        Sykmeldinger = original.Sykmeldinger;
        Withdrawn = original.Withdrawn;
        Friskmeldinger = original.Friskmeldinger;
    }

    public static SykmeldingLedger Empty { get; } = new();

    /// <summary>The current version of every sykmelding still in force, by id (a correction replaces its original).</summary>
    public ImmutableSortedDictionary<string, Sykmelding> Sykmeldinger { get; private init; }

    /// <summary>Ids withdrawn for good: anything that arrives under them later is ignored.</summary>
    public ImmutableSortedSet<string> Withdrawn { get; private init; }

    /// <summary>Every date the person was declared well from (see <see cref="Friskmeld"/>).</summary>
    public ImmutableSortedSet<DateOnly> Friskmeldinger { get; private init; }

    /// <summary>A new sykmelding. A known id changes nothing (duplicate); so does an id already withdrawn or corrected.</summary>
    public SykmeldingLedger Receive(Sykmelding sykmelding)
    {
        ArgumentNullException.ThrowIfNull(sykmelding);
        // A correction is stored under the id it corrects, so an original arriving after it is a known id.
        return Withdrawn.Contains(sykmelding.Id) || Sykmeldinger.ContainsKey(sykmelding.Id)
            ? this
            : this with { Sykmeldinger = Sykmeldinger.Add(sykmelding.Id, sykmelding) };
    }

    /// <summary>Replaces the sykmelding with the same id (T6), whether or not the original has arrived yet.</summary>
    public SykmeldingLedger Correct(Sykmelding correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Withdrawn.Contains(correction.Id)
            ? this
            : this with { Sykmeldinger = Sykmeldinger.SetItem(correction.Id, correction) };
    }

    /// <summary>Removes the sykmelding with that id for good, whether or not it has arrived yet.</summary>
    public SykmeldingLedger Withdraw(string sykmeldingId)
    {
        ArgumentNullException.ThrowIfNull(sykmeldingId);
        return Withdrawn.Contains(sykmeldingId)
            ? this
            : this with
            {
                Sykmeldinger = Sykmeldinger.Remove(sykmeldingId),
                Withdrawn = Withdrawn.Add(sykmeldingId),
            };
    }

    /// <summary>The person is well from <paramref name="dato"/>: sick days on and after it, of sykmeldinger that
    /// began before it, are no longer sick days. A sykmelding starting on or after it is a new sick leave.</summary>
    /// <remarks>Kept as a fact and applied when deriving, so it also cuts a back-dated sykmelding that arrives
    /// after the friskmelding.</remarks>
    public SykmeldingLedger Friskmeld(DateOnly dato) =>
        Friskmeldinger.Contains(dato) ? this : this with { Friskmeldinger = Friskmeldinger.Add(dato) };

    /// <summary>All tilfeller (T1), chronological; the sick days after friskmeldinger, T3 and the overlap rule of
    /// <see cref="SickDayRule"/>.</summary>
    /// <remarks>Derived once per ledger: a ledger never changes, and a case step asks for its tilfeller many times
    /// (the tilfelle, its closing day, its maksdato, the calendar). Two threads asking at once may both derive; they
    /// derive the same value, and the field is one reference wide, so neither sees half of the other's.</remarks>
    public ImmutableArray<Oppfolgingstilfelle> Tilfeller()
    {
        if (derived.IsDefault)
        {
            derived = DeriveTilfeller();
        }

        return derived;
    }

    // Not a fact: the copy constructor leaves it behind, and Equals, GetHashCode and the serialiser never see it.
    private ImmutableArray<Oppfolgingstilfelle> derived;

    private ImmutableArray<Oppfolgingstilfelle> DeriveTilfeller()
    {
        var sick = Sykmeldinger.Values
            .Where(s => s.CountsAsSick)
            .Select(s => s with { Periode = Friskmelding.Shorten(s.Periode, Friskmeldinger) })
            .ToList();
        return TilfelleBuilder.Build(SickDayRule.Spans(sick));
    }

    public bool Equals(SykmeldingLedger? other) =>
        other is not null
        && Sykmeldinger.SequenceEqual(other.Sykmeldinger)
        && Withdrawn.SequenceEqual(other.Withdrawn)
        && Friskmeldinger.SequenceEqual(other.Friskmeldinger);

    public override int GetHashCode() =>
        HashCode.Combine(Sykmeldinger.Count, Withdrawn.Count, Friskmeldinger.Count);
}
