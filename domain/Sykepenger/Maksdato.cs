using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Sykepenger;

/// <summary>M1–M3: the maksdato and the remaining sykepengedager.</summary>
public static class Maksdato
{
    /// <summary>No projection runs longer: 248 weekdays take under a year, and days freed by the 3-year window
    /// at most double that. Guards the loop, never reached by a valid history.</summary>
    private const int ProjectionYearsLimit = 4;

    /// <summary>
    /// M1–M3 on <paramref name="asOf"/>, from all of a person's tilfeller (earlier ones count unless M2 reset the
    /// count), assuming the person stays sick every day after <paramref name="asOf"/> (see
    /// <see cref="ProjectedSickness"/> for when a future tilfelle is known).
    /// </summary>
    /// <remarks>
    /// Walks every day from the first sick day: each sick day belongs to a tilfelle by T1 (a projected day continues
    /// the open tilfelle or starts a new one with its own arbeidsgiverperiode), is a sykepengedag candidate by M1,
    /// and is paid if <see cref="Sykepengekvote"/> has a day left. The walk stops at the first refused day after
    /// <paramref name="asOf"/>: the maksdato is the last paid day before it. When no day is or was paid since the
    /// last reset (e.g. from the 70th birthday on), the maksdato is <paramref name="asOf"/> with 0 days remaining.
    /// </remarks>
    public static MaksdatoResult Calculate(IEnumerable<Oppfolgingstilfelle> tilfeller, DateOnly asOf, DateOnly? birthDate)
    {
        ArgumentNullException.ThrowIfNull(tilfeller);
        var sickness = new ProjectedSickness([.. tilfeller], asOf);
        var kvote = new Sykepengekvote(new Aldersgrense(birthDate));
        var usedOnAsOf = 0;
        var remaining = 0;
        DateOnly? tilfelleStart = null;
        DateOnly? lastSickDay = null;

        var first = sickness.FirstDay < asOf ? sickness.FirstDay : asOf;
        var limit = (sickness.ProjectionStart > asOf ? sickness.ProjectionStart : asOf).AddYears(ProjectionYearsLimit);
        for (var day = first; day <= limit; day = day.AddDays(1))
        {
            kvote.Begin(day);
            if (sickness.IsSick(day))
            {
                // T1: a sick day after 16 or more non-sick days starts a new tilfelle (and arbeidsgiverperiode).
                if (lastSickDay is null || !GapRule.Continues(lastSickDay.Value, day))
                {
                    tilfelleStart = day;
                }

                lastSickDay = day;
                if (Sykepengedag.IsCandidate(day, tilfelleStart!.Value))
                {
                    var paid = kvote.TryPay(day);
                    if (!paid && day > asOf)
                    {
                        break;
                    }

                    remaining += paid && day > asOf ? 1 : 0;
                }
                else
                {
                    kvote.NotPaid();
                }
            }
            else
            {
                kvote.NotPaid();
            }

            if (day == asOf)
            {
                usedOnAsOf = kvote.Used;
            }
        }

        return new MaksdatoResult(kvote.LastPaid ?? asOf, usedOnAsOf, remaining);
    }
}
