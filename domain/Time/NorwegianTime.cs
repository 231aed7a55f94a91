namespace Sykefravaer.Domain.Time;

/// <summary>
/// Legal deadlines are Norwegian calendar dates. "Now" is always an instant passed in (inside a workflow it is
/// <c>Workflow.UtcNow</c>), and this turns it into the date in Norway, and a date into the instant it begins.
/// </summary>
public static class NorwegianTime
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Oslo).DateTime);

    /// <summary>The instant <paramref name="date"/> begins in Norway (midnight local time).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Oslo.GetUtcOffset(midnight));
    }
}
