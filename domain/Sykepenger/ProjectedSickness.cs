using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Sykepenger;

/// <summary>
/// The sick days Maksdato counts: the known ones up to a projection start, and every day from it on ("assuming the
/// person stays sick"). The projection starts the day after <c>asOf</c> while a tilfelle is open on <c>asOf</c>
/// (T7); otherwise at the start of the next known tilfelle, so a sykmelding dated ahead does not make the person
/// sick earlier than it says; and with neither, the day after <c>asOf</c>.
/// </summary>
internal sealed class ProjectedSickness
{
    private readonly HashSet<DateOnly> _knownSickDays;

    public ProjectedSickness(IReadOnlyList<Oppfolgingstilfelle> tilfeller, DateOnly asOf)
    {
        var open = tilfeller.Any(t => t.Start <= asOf && asOf < t.ClosesOn);
        var next = tilfeller.Where(t => t.Start > asOf).Select(t => (DateOnly?)t.Start).Min();
        ProjectionStart = open ? asOf.AddDays(1) : next ?? asOf.AddDays(1);

        _knownSickDays = tilfeller
            .SelectMany(t => t.Spans)
            .SelectMany(s => Days(s.Periode.Fom, s.Periode.Tom))
            .Where(d => d < ProjectionStart)
            .ToHashSet();
        FirstDay = _knownSickDays.Count == 0 ? ProjectionStart : _knownSickDays.Min();
    }

    /// <summary>The first day the person is assumed sick regardless of what is known.</summary>
    public DateOnly ProjectionStart { get; }

    /// <summary>The first sick day, known or projected.</summary>
    public DateOnly FirstDay { get; }

    public bool IsSick(DateOnly day) => day >= ProjectionStart || _knownSickDays.Contains(day);

    private static IEnumerable<DateOnly> Days(DateOnly fom, DateOnly tom)
    {
        for (var day = fom; day <= tom; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
