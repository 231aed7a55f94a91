using System.Collections.Immutable;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>T1: groups chronological sick spans into tilfeller, splitting where 16 or more non-sick days lie
/// between two spans (<see cref="GapRule"/>).</summary>
internal static class TilfelleBuilder
{
    public static ImmutableArray<Oppfolgingstilfelle> Build(IReadOnlyList<SickSpan> chronologicalSpans)
    {
        var tilfeller = ImmutableArray.CreateBuilder<Oppfolgingstilfelle>();
        var current = ImmutableArray.CreateBuilder<SickSpan>();
        foreach (var span in chronologicalSpans)
        {
            if (current.Count > 0 && !GapRule.Continues(current[^1].Periode.Tom, span.Periode.Fom))
            {
                tilfeller.Add(new Oppfolgingstilfelle(current.ToImmutable()));
                current.Clear();
            }

            current.Add(span);
        }

        if (current.Count > 0)
        {
            tilfeller.Add(new Oppfolgingstilfelle(current.ToImmutable()));
        }

        return tilfeller.ToImmutable();
    }
}
