namespace Sykefravaer.Domain.Input;

/// <summary>
/// The range of dates the engine accepts. Sykmeldinger are digital since well after 2000, and a case lasts about a
/// year, so a date outside this range is a typing or parsing error, never a real fact.
/// </summary>
public static class SaneDates
{
    public static DateOnly Earliest { get; } = new(2000, 1, 1);

    public static DateOnly Latest { get; } = new(2099, 12, 31);

    /// <summary>What is wrong with <paramref name="date"/>, or null when it is within range.</summary>
    public static string? Problem(DateOnly date) =>
        date >= Earliest && date <= Latest ? null : $"is outside the accepted range {Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}";

    public static DateOnly Check(DateOnly date, string field) =>
        Problem(date) is { } problem ? throw new InvalidInputException(field, $"{problem}, was {date:yyyy-MM-dd}") : date;
}
