using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.Recurrence;

/// <summary>Tilfeller for the recurrence tests, by their end date and sick days.</summary>
internal static class Tilfeller
{
    /// <summary>One tilfelle of <paramref name="sykedager"/> consecutive sick days ending on <paramref name="end"/>.</summary>
    public static Oppfolgingstilfelle Ending(DateOnly end, int sykedager) =>
        new([new SickSpan(Periode.Of(end.AddDays(1 - sykedager), end), Grad.Full, null)]);

    /// <summary><paramref name="count"/> tilfeller, 60 days apart, ending on or before <paramref name="lastEnd"/>,
    /// with <paramref name="sykedager"/> sick days each.</summary>
    public static Oppfolgingstilfelle[] Several(int count, int sykedager, DateOnly lastEnd) =>
        [.. Enumerable.Range(0, count).Select(i => Ending(lastEnd.AddDays(-i * (sykedager + 60)), sykedager))];
}
