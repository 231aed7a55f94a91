using System.Globalization;
using Sykefravaer.Api.Reads;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Veileder;

/// <summary>The work list's filters as the page's form sends them (hendelse, frist, virksomhet, sortering, side), turned into
/// the work list's query. "Frist" is as veiledere filter it: passed, today, later, or a period.</summary>
public sealed record WorkListFilter(string? Hendelse, string? Frist, string? Fra, string? Til, string? Sort, string? Side, string? Virksomhet = null)
{
    public const int PageSize = 50;

    public WorkListQuery? ToQuery(DateOnly today, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (from, to) = Frist switch
        {
            "passert" => (null, Day(today.AddDays(-1))),
            "idag" => (Day(today), Day(today)),
            "senere" => (Day(today.AddDays(1)), null),
            "periode" => (Fra, Til),
            _ => ((string?)null, (string?)null),
        };
        return WorkListQuery.Validate(Hendelse, from, to, Side, PageSize.ToString(CultureInfo.InvariantCulture), errors, Sort, Virksomhet);
    }

    /// <summary>This filter on another page, as a query string for the page's links.</summary>
    public string QueryFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["hendelse"] = Hendelse,
            ["frist"] = Frist,
            ["fra"] = Fra,
            ["til"] = Til,
            ["virksomhet"] = Virksomhet,
            ["sort"] = Sort,
            ["side"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToString();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A row of the work list: the task, how many weeks the person has been sick (from the case), and whether
/// the person has GJENTAKENDE_SYKEFRAVAER (as the case page's tag says, from the person's cases).</summary>
public sealed record WorkListRow(TaskView Task, int? Weeks, bool Gjentakende = false);
