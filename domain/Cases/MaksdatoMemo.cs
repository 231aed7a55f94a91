using System.Collections.Immutable;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Sykepenger;

namespace Sykefravaer.Domain.Cases;

/// <summary>
/// The last maksdato a case computed, with the facts it was computed from. M1–M3 walk the calendar day by day, and
/// one step of a case asks for the maksdato many times with the same facts (its due dates, the calendar, the read
/// model); without this a step costs about eight derivations instead of one (BENCHMARKS.md, "the pure domain").
/// </summary>
/// <remarks>Compared by value, never by instance, so a state restored from JSON or a tilfelle derived again hits the
/// same answer. Every memo equals every other: it is not part of the state it rides in.</remarks>
internal sealed class MaksdatoMemo
{
    // Replaced whole, never changed, so a reader on another thread sees an old answer or a new one, not a mix.
    private Entry? last;

    public DateOnly For(Oppfolgingstilfelle tilfelle, ImmutableArray<Oppfolgingstilfelle> earlier, DateOnly? birthDate)
    {
        var entry = last;
        if (entry is null || !entry.Answers(tilfelle, earlier, birthDate))
        {
            var maksdato = Maksdato.Calculate(earlier.Add(tilfelle), tilfelle.End, birthDate).Maksdato;
            entry = new Entry(tilfelle, earlier, birthDate, maksdato);
            last = entry;
        }

        return entry.Maksdato;
    }

    public override bool Equals(object? obj) => obj is MaksdatoMemo;

    public override int GetHashCode() => 0;

    private sealed record Entry(
        Oppfolgingstilfelle Tilfelle, ImmutableArray<Oppfolgingstilfelle> Earlier, DateOnly? BirthDate, DateOnly Maksdato)
    {
        public bool Answers(Oppfolgingstilfelle tilfelle, ImmutableArray<Oppfolgingstilfelle> earlier, DateOnly? birthDate) =>
            BirthDate == birthDate && Tilfelle.Equals(tilfelle) && Earlier.SequenceEqual(earlier);
    }
}
