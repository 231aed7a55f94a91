namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// What text the API passes on to the case. PostgreSQL's text cannot hold NUL: accepted here, it fails the case's
/// activity for good, and in an id it fails every retry of the request. No sender means the other control characters
/// either, so they go with it; a reason may still run over several lines. The lengths keep one field from taking the
/// whole body limit.
/// </summary>
public static class TextRules
{
    public const int MaxIdLength = 200;

    public const int MaxFreeTextLength = 4000;

    /// <summary>An id: one line of at most <see cref="MaxIdLength"/> characters.</summary>
    public static string? IdProblem(string value) =>
        value.Any(char.IsControl) ? "must not contain control characters"
        : value.Length > MaxIdLength ? $"must be at most {MaxIdLength} characters"
        : null;

    /// <summary>A reason written by a person: line breaks and tabs allowed, at most <see cref="MaxFreeTextLength"/>.</summary>
    public static string? FreeTextProblem(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "must not contain control characters"
        : value.Length > MaxFreeTextLength ? $"must be at most {MaxFreeTextLength} characters"
        : null;
}
