using Npgsql;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>
/// Sorts database errors into bad data and everything else. Class 22 (data exception) and 23 (integrity
/// constraint, e.g. a person_ref shaped like an fnr) fail the same way on every retry, so they become
/// <see cref="InvalidInputException"/> (non-retryable). Everything else (connection refused, server shutting down,
/// serialization failures) is left alone for Temporal to retry.
/// </summary>
internal static class DataRejection
{
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Only the state and constraint name: the server's text can quote the rejected value.
            throw new InvalidInputException(
                "database", $"refused the data (SQLSTATE {e.SqlState}{(e.ConstraintName is null ? "" : ", constraint " + e.ConstraintName)})");
        }
    }
}
