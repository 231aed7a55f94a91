using System.Globalization;
using System.Text.RegularExpressions;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Input;

using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Reads;

/// <summary>The work list's filters and page, from the query string (none of them personal data).</summary>
/// <param name="Code">Only tasks with this code (the task type).</param>
/// <param name="DueFrom">Only tasks due on or after this day.</param>
/// <param name="DueTo">Only tasks due on or before this day.</param>
/// <param name="Page">1-based.</param>
/// <param name="Latest">Latest due first (<c>sort=-due</c>) instead of earliest.</param>
/// <param name="Orgnr">Only tasks of cases where the person is sykmeldt from this virksomhet (organisation number).</param>
/// <remarks>The values arrive as text and are parsed here, not by parameter binding: binding answers a value that
/// does not parse without naming the parameter (or, in Development, with a 500).</remarks>
public sealed partial record WorkListQuery(string? Code, DateOnly? DueFrom, DateOnly? DueTo, int Page, int PageSize, bool Latest = false, string? Orgnr = null)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>Task codes are upper-case words (MOTEBEHOV, DIALOGMOTE2_UNNTAK).</summary>
    public const string TaskCodePattern = "^[A-Z0-9_]{1,100}$";

    /// <summary>Far past any real work list, and low enough that the row offset fits an int.</summary>
    public const int MaxPage = 100_000;

    /// <summary>The rows before this page; <see cref="MaxPage"/> and <see cref="MaxPageSize"/> keep it from overflowing.</summary>
    public int Offset => (Page - 1) * PageSize;

    public static WorkListQuery? Validate(
        string? code, string? dueFrom, string? dueTo, string? page, string? pageSize, ValidationErrors errors, string? sort = null,
        string? orgnr = null)
    {
        var latest = sort == "-due";
        if (sort is not (null or "" or "due" or "-due"))
        {
            errors.Add("sort", "must be due (earliest first) or -due (latest first)");
        }
        ArgumentNullException.ThrowIfNull(errors);
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is not null && !TaskCode().IsMatch(code))
        {
            errors.Add("code", "must be a task code: upper-case letters, digits and _, at most 100 characters");
        }

        var from = Day(dueFrom, "dueFrom", errors);
        var to = Day(dueTo, "dueTo", errors);
        var pageNumber = Whole(page, "page", MaxPage, errors);
        var size = Whole(pageSize, "pageSize", MaxPageSize, errors);
        if (from > to)
        {
            errors.Add("dueTo", "must not be before dueFrom");
        }

        orgnr = string.IsNullOrWhiteSpace(orgnr) ? null : orgnr.Trim();
        if (orgnr is not null && Organisasjonsnummer.Problem(orgnr) is { } orgnrProblem)
        {
            errors.Add("orgnr", orgnrProblem);
        }

        return errors.IsEmpty ? new WorkListQuery(code, from, to, pageNumber ?? 1, size ?? DefaultPageSize, latest, orgnr) : null;
    }

    private static int? Whole(string? value, string parameter, int max, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors.Add(parameter, $"must be a whole number between 1 and {max}");
        return null;
    }

    private static DateOnly? Day(string? value, string parameter, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(parameter, "must be a date, yyyy-MM-dd");
        return null;
    }

    [GeneratedRegex(TaskCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TaskCode();
}
