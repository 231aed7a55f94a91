using Sykefravaer.Api.Validation;

namespace Sykefravaer.Api.Reads;

/// <summary>The work list's filters and page, from the query string (none of them personal data).</summary>
/// <param name="Code">Only tasks with this code (the task type).</param>
/// <param name="DueFrom">Only tasks due on or after this day.</param>
/// <param name="DueTo">Only tasks due on or before this day.</param>
/// <param name="Page">1-based.</param>
public sealed record WorkListQuery(string? Code, DateOnly? DueFrom, DateOnly? DueTo, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    public static WorkListQuery? Validate(string? code, DateOnly? dueFrom, DateOnly? dueTo, int? page, int? pageSize, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (page is < 1)
        {
            errors.Add("page", "must be 1 or more");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        if (dueFrom > dueTo)
        {
            errors.Add("dueTo", "must not be before dueFrom");
        }

        return errors.IsEmpty
            ? new WorkListQuery(string.IsNullOrWhiteSpace(code) ? null : code.Trim(), dueFrom, dueTo, page ?? 1, pageSize ?? DefaultPageSize)
            : null;
    }
}
