namespace Sykefravaer.Domain.Input;

/// <summary>
/// Bad data from outside: names the field and says what is wrong, so a sender can fix the request.
/// Callers map it to a 400/problem details (API), exit code 2 (CLI) or a non-retryable activity error.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public InvalidInputException()
        : this("input", "invalid")
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "input";
        Problem = message;
    }

    public string Field { get; } = "input";

    public string Problem { get; } = "invalid";
}
