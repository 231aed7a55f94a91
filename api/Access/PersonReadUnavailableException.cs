namespace Sykefravaer.Api.Access;

/// <summary>A read of a person's data that could not be checked or recorded, so nothing was shown: the access
/// service did not answer, or the audit trail could not be written. The API answers 503 with Retry-After.</summary>
/// <param name="dependency">What failed, as the answer names it ("The access service", "The audit trail").</param>
public sealed class PersonReadUnavailableException(string dependency, string reason, Exception? inner = null)
    : Exception($"{dependency} is unavailable: {reason}", inner)
{
    public string Dependency { get; } = dependency;
}
