using Sykefravaer.Activities.Projection;

namespace Sykefravaer.Api.Veileder;

/// <summary>What the case page's header says (syfomodiaperson's personkort): the tilfelle's weeks, maksdato and the
/// sykepengedager left, and the tags the case gives grounds for.</summary>
public sealed record CaseHeader(int Weeks, int? DaysLeft, IReadOnlyList<string> Tags)
{
    /// <param name="personCases">All the person's cases (this one included), for the tags that look across them;
    /// none for a header that only looks at this case (the work list's weeks).</param>
    /// <param name="closedTilfeller">The person's closed tilfeller, which outlive their projections
    /// (<see cref="PersonTilfeller.HasGjentakendeSykefravaer"/>).</param>
    public static CaseHeader Of(
        CaseProjection projection, DateOnly today, IReadOnlyList<CaseProjection>? personCases = null, IReadOnlyCollection<Persistence.Reads.ClosedTilfelle>? closedTilfeller = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var state = projection.State;
        var until = state.Closed ?? (today < state.End ? today : state.End);
        var weeks = Math.Max(0, (until.DayNumber - state.Start.DayNumber + 1) / 7);
        var daysLeft = state.Maksdato is { } maksdato && state.Closed is null ? WeekdaysAfter(today, maksdato) : (int?)null;
        var tags = new List<string>();
        if (projection.Milestones.Any(m => m.Code == "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER" && m.Result != "NOT_APPLICABLE"))
        {
            tags.Add("Uten arbeidsgiver");
        }

        if (projection.SykmeldingPeriods.Any(period => period.Grad < 100))
        {
            tags.Add("Gradert");
        }

        if (personCases is { Count: > 0 } && PersonTilfeller.HasGjentakendeSykefravaer(personCases, today, closedTilfeller))
        {
            tags.Add("Gjentakende sykefravær");
        }

        if (state.Outcome != "OPEN")
        {
            tags.Add(state.Outcome switch { "FRISKMELDT" => "Friskmeldt", "MAKSDATO" => "Maksdato nådd", "DOD" => "Død", "AVBRUTT" => "Avbrutt", _ => state.Outcome });
        }

        return new CaseHeader(weeks, daysLeft, tags);
    }

    // Sykepengedager are weekdays (ftrl § 8-11): Monday to Friday after today up to and including maksdato.
    private static int WeekdaysAfter(DateOnly today, DateOnly maksdato)
    {
        var days = 0;
        for (var day = today.AddDays(1); day <= maksdato; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days++;
            }
        }

        return days;
    }
}
