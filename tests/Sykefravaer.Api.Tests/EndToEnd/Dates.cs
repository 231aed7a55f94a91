using System.Globalization;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Api.Tests.EndToEnd;

/// <summary>Dates relative to today in Norway, as the API's JSON spells them. The workflow's clock is the server's
/// (time only skips while a client waits for a result, which these tests never do), so "today" is today.</summary>
internal static class Dates
{
    public static DateOnly Today => NorwegianTime.DateOf(DateTimeOffset.UtcNow);

    public static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
