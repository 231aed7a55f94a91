using System.Collections.Immutable;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Recurrence;

namespace Sykefravaer.Domain.Cases;

/// <summary>GJENTAKENDE_SYKEFRAVAER for the person of this case, from the earlier tilfeller it was opened with.</summary>
public sealed partial record CaseState
{
    /// <summary>Whether the person has gjentakende sykefravær on <paramref name="today"/>, counting this case's
    /// tilfelle with the earlier ones; false while the case has no sick days.</summary>
    public bool HasGjentakendeSykefravaer(DateOnly today) =>
        Tilfelle is { } tilfelle && GjentakendeSykefravaer.Holds([.. EarlierThan(tilfelle), tilfelle], today);

    // The store may still hold an older version of this very tilfelle (a closed case continued by a late
    // sykmelding): one that overlaps it is this tilfelle, which must count once.
    private ImmutableArray<Oppfolgingstilfelle> EarlierThan(Oppfolgingstilfelle tilfelle) =>
        [.. EarlierTilfeller.Where(t => t.End < tilfelle.Start || t.Start > tilfelle.End)];
}
