using Sykefravaer.Domain.Time;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// The calendar of one test's case, as RULES.md counts it: <see cref="S"/> is the tilfelle start, "S + n" the
/// milestone offsets and "day n" = S + n − 1. S lies just after the server's "now" when the test begins, because the
/// shared server's clock only moves forward (every test skips ahead through its own weeks).
/// </summary>
public sealed class CaseDays(DateOnly s)
{
    /// <summary>Events arrive at this hour, Norwegian time: a working morning, well away from midnight wake-ups.</summary>
    public const int ArrivalHour = 9;

    public DateOnly S { get; } = s;

    /// <summary>The first case day after <paramref name="serverNow"/>.</summary>
    public static CaseDays StartingAfter(DateTimeOffset serverNow) => new(NorwegianTime.DateOf(serverNow).AddDays(1));

    /// <summary>S + <paramref name="offset"/> calendar days, as in the milestone table.</summary>
    public DateOnly SPlus(int offset) => S.AddDays(offset);

    /// <summary>Day <paramref name="n"/> of the case (day 1 = S).</summary>
    public DateOnly Day(int n) => S.AddDays(n - 1);

    /// <summary>The instant an event sent on <paramref name="date"/> arrives.</summary>
    public static DateTimeOffset At(DateOnly date, int hour = ArrivalHour) => NorwegianTime.StartOf(date).AddHours(hour);
}
