using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Validation;

/// <summary>The API's error answers, all RFC 7807 problem details (<c>application/problem+json</c>).</summary>
public static class Problems
{
    /// <summary>How long a sender should wait before retrying when a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    public static IResult Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Results.ValidationProblem(
            errors.ToDictionary(),
            title: "The request is invalid",
            detail: "See errors: every field that is wrong, with what is wrong with it. Nothing was started or signalled.");
    }

    public static IResult Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static IResult TooLarge(long limit) =>
        Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large",
            detail: $"The body is limited to {limit} bytes.");

    public static IResult UnsupportedMediaType() =>
        Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The body must be JSON",
            detail: "Send Content-Type: application/json.");

    public static IResult Conflict(string field, string message) =>
        Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The id is already used",
            detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}");

    /// <summary>503 with Retry-After: the request had no effect and may be sent again as it is.</summary>
    public static IResult Unavailable(string dependency) =>
        new RetryAfter(
            Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"{dependency} is unavailable",
                detail: $"Nothing was recorded. Send the same request again after {RetryAfterSeconds} seconds."),
            RetryAfterSeconds);

    /// <summary>503 with Retry-After for a read of a person's data that could not be checked or recorded.</summary>
    public static IResult ReadUnavailable(string dependency) =>
        new RetryAfter(
            Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"{dependency} is unavailable",
                detail: $"No person's data is shown while it is. Try again after {RetryAfterSeconds} seconds."),
            RetryAfterSeconds);

    public static IResult NoAccessToPerson() =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "You do not have access to this person",
            detail: "NAV's access control does not let you see this person's data (for example skjermet, adressebeskyttet, or " +
                "another office's). The attempt is recorded.");

    /// <summary>429 with Retry-After: the caller used up its limit (<paramref name="limit"/> names which); the
    /// request had no effect and may be sent again as it is after that many seconds.</summary>
    public static IResult TooManyRequests(string limit, string detail, int retryAfterSeconds) =>
        new RetryAfter(
            Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"{detail} Send again after {retryAfterSeconds} seconds.",
                extensions: new Dictionary<string, object?> { ["limit"] = limit }),
            retryAfterSeconds);

    /// <summary><paramref name="inner"/> with a Retry-After header: the caller may try again after that many seconds.</summary>
    public static IResult WithRetryAfter(IResult inner, int seconds) => new RetryAfter(inner, seconds);

    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
