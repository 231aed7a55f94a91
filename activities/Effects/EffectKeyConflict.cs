using Sykefravaer.Domain.Input;

namespace Sykefravaer.Activities.Effects;

/// <summary>
/// Guards idempotency against its one failure: the same key reused for a different effect (a workflow change that
/// renamed keys, or a bug). Returning the old receipt then would silently drop the new effect, so it is bad data.
/// </summary>
public static class EffectKeyConflict
{
    public static void ThrowIfDifferent(string idempotencyKey, string what, string stored, string requested)
    {
        if (!string.Equals(stored, requested, StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                "effect.key",
                $"idempotency key '{idempotencyKey}' was already used for a {what} '{stored}', not '{requested}'");
        }
    }
}
