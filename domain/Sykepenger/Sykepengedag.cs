namespace Sykefravaer.Domain.Sykepenger;

/// <summary>M1: which sick days NAV pays, before any limit: weekdays after the arbeidsgiverperiode.</summary>
public static class Sykepengedag
{
    /// <summary>M1: the first 16 calendar days of each tilfelle are paid by the employer.</summary>
    public const int ArbeidsgiverperiodeDays = 16;

    /// <summary>M1: a sick day of the tilfelle starting <paramref name="tilfelleStart"/> counts as a
    /// sykepengedag when it is Monday–Friday (whatever the grade) and after the arbeidsgiverperiode.</summary>
    public static bool IsCandidate(DateOnly sickDay, DateOnly tilfelleStart) =>
        sickDay.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && sickDay.DayNumber - tilfelleStart.DayNumber >= ArbeidsgiverperiodeDays;
}
