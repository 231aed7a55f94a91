using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>
/// T3–T5 where sykmeldinger overlap: which grade and which employer a sick day has. Decided per day from the
/// sykmeldinger covering it, never from the order they arrived in:
/// <list type="bullet">
/// <item>the grade is the highest grade among them (the doctor who saw the person most recently may have written
/// a lower grade, but a day cannot be less sick because a second note covers it);</item>
/// <item>the employer is that of the newest sykmelding (latest <c>fom</c>: T5 follows the last sykmelding); on
/// equal <c>fom</c>, one that names an employer wins over one without, then the lowest id (ordinal).</item>
/// </list>
/// Adjacent days with equal grade and employer form one <see cref="SickSpan"/>.
/// </summary>
internal static class SickDayRule
{
    /// <param name="sick">Sykmeldinger that count as sick (T3), already shortened by friskmeldinger.</param>
    /// <returns>Chronological, non-overlapping spans; a day without a covering sykmelding is in none.</returns>
    public static List<SickSpan> Spans(IReadOnlyCollection<Sykmelding> sick)
    {
        // Between two consecutive boundaries the set of covering sykmeldinger is constant.
        var boundaries = sick
            .SelectMany(s => new[] { s.Periode.Fom, s.Periode.Tom.AddDays(1) })
            .Distinct()
            .Order()
            .ToList();

        var spans = new List<SickSpan>();
        for (var i = 0; i < boundaries.Count - 1; i++)
        {
            var fom = boundaries[i];
            var covering = sick.Where(s => s.Periode.Contains(fom)).ToList();
            if (covering.Count == 0)
            {
                continue;
            }

            var tom = boundaries[i + 1].AddDays(-1);
            var grad = covering.Max(s => s.Grad.Percent);
            var arbeidsgiver = Newest(covering).Arbeidsgiver;
            AppendMerging(spans, new SickSpan(Periode.Of(fom, tom), Grad.Of(grad), arbeidsgiver));
        }

        return spans;
    }

    private static Sykmelding Newest(List<Sykmelding> covering) =>
        covering
            .OrderByDescending(s => s.Periode.Fom)
            .ThenBy(s => s.Arbeidsgiver is null)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .First();

    private static void AppendMerging(List<SickSpan> spans, SickSpan next)
    {
        if (spans.Count > 0)
        {
            var last = spans[^1];
            if (last.Periode.Tom.AddDays(1) == next.Periode.Fom && last.Grad == next.Grad && last.Arbeidsgiver == next.Arbeidsgiver)
            {
                spans[^1] = last with { Periode = Periode.Of(last.Periode.Fom, next.Periode.Tom) };
                return;
            }
        }

        spans.Add(next);
    }
}
