using System.Collections.Immutable;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>
/// One continuous sick-leave case (T1–T5): the sick days of a person merged across gaps shorter than
/// <see cref="GapRule.NonSickDaysThatSplit"/>. Derived from a <see cref="SykmeldingLedger"/>, never stored.
/// </summary>
/// <param name="Spans">The sick days, chronological and non-overlapping; gaps between spans are non-sick days.</param>
public sealed record Oppfolgingstilfelle(ImmutableArray<SickSpan> Spans)
{
    /// <summary>T2: the first sick day; day 1 of the case.</summary>
    public DateOnly Start => Spans[0].Periode.Fom;

    /// <summary>T2: the last sick day, planned (a <c>tom</c> in the future counts).</summary>
    public DateOnly End => Spans[^1].Periode.Tom;

    /// <summary>T3: sick days only; non-sick days inside the span do not count.</summary>
    public int AntallSykedager => Spans.Sum(s => s.Periode.Days);

    /// <summary>T4: gradert when the grade on the last day is below 100.</summary>
    public bool GradertAtEnd => Spans[^1].Grad.IsGradert;

    /// <summary>T5: the employer named by the last sykmelding, or none.</summary>
    public Organisasjonsnummer? Arbeidsgiver => Spans[^1].Arbeidsgiver;

    public bool HasEmployer => Arbeidsgiver is not null;

    /// <summary>T7: the first day on which the case is closed, after 16 non-sick days following <see cref="End"/>.</summary>
    public DateOnly ClosesOn => End.AddDays(GapRule.NonSickDaysThatSplit + 1);

    /// <summary>"Day N" of the case (day 1 = <see cref="Start"/>).</summary>
    public DateOnly Day(int n) => Start.AddDays(n - 1);

    /// <summary>The grade on <paramref name="day"/>, or null when it is not a sick day.</summary>
    public Grad? GradOn(DateOnly day)
    {
        foreach (var span in Spans)
        {
            if (span.Periode.Contains(day))
            {
                return span.Grad;
            }
        }

        return null;
    }

    public bool IsSickOn(DateOnly day) => GradOn(day) is not null;

    /// <summary>Value equality over the spans (an <see cref="ImmutableArray{T}"/> alone compares by reference), so
    /// two derivations of the same facts are equal.</summary>
    public bool Equals(Oppfolgingstilfelle? other) => other is not null && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => HashCode.Combine(Spans.Length, Spans.IsEmpty ? default : Start, Spans.IsEmpty ? default : End);
}
