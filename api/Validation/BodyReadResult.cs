using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Validation;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem answer that says why it could not be.</summary>
/// <param name="Body">The body; fields named in <paramref name="Errors"/> hold defaults, not what was sent.</param>
/// <param name="Errors">Fields missing or of the wrong type; the caller adds what its own checks find.</param>
/// <param name="Problem">Why there is no body at all (too large, not JSON): answer with it as it is.</param>
public sealed record BodyReadResult<T>(T? Body, ValidationErrors Errors, IResult? Problem)
    where T : class
{
    public static BodyReadResult<T> Read(T body, ValidationErrors errors) => new(body, errors, null);

    public static BodyReadResult<T> Fail(IResult problem) => new(null, new ValidationErrors(), problem);
}
