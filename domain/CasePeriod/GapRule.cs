namespace Sykefravaer.Domain.CasePeriod;

/// <summary>T1: sick days are merged into one tilfelle unless 16 consecutive non-sick days lie between them.</summary>
public static class GapRule
{
    public const int NonSickDaysThatSplit = 16;

    /// <summary>True when sick day <paramref name="later"/> continues the tilfelle whose last sick day is <paramref name="earlier"/>.</summary>
    public static bool Continues(DateOnly earlier, DateOnly later) =>
        later.DayNumber - earlier.DayNumber - 1 < NonSickDaysThatSplit;
}
