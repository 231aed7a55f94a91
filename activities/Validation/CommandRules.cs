using System.Text.RegularExpressions;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Activities.Validation;

/// <summary>
/// The checks every command passes before anything is written. A failure is bad data from the workflow: retrying
/// cannot fix it, so it becomes a non-retryable activity failure that names the field.
/// </summary>
internal static partial class CommandRules
{
    // An effect key holds the sender's event id (at most 200 characters) with a prefix and a suffix, e.g.
    // motebehov:{id}:kvittering.
    private const int MaxKeyLength = 300;
    private const int MaxPersonRefLength = 128;
    private const int MaxCauseLength = 2000;

    public static Guid CaseId(Guid caseId) =>
        caseId != Guid.Empty ? caseId : throw new InvalidInputException("caseId", "must not be empty");

    /// <summary>The person reference must be a pseudonym. Eleven digits is the shape of a fødselsnummer or
    /// D-number, which must never be stored, so it is refused without looking further.</summary>
    public static string PersonRef(string? personRef)
    {
        if (string.IsNullOrWhiteSpace(personRef))
        {
            throw new InvalidInputException("personRef", "is required");
        }

        if (personRef.Length == 11 && personRef.All(char.IsAsciiDigit))
        {
            throw new InvalidInputException("personRef", "looks like a fødselsnummer; pass the keyed pseudonym instead");
        }

        return personRef.Length <= MaxPersonRefLength && PseudonymShape().IsMatch(personRef)
            ? personRef
            : throw new InvalidInputException(
                "personRef", $"must be at most {MaxPersonRefLength} characters of letters, digits and - _ = + / . :");
    }

    public static string Key(string? key, string field) =>
        !string.IsNullOrWhiteSpace(key) && key.Length <= MaxKeyLength && !key.Any(char.IsControl)
            ? key
            : throw new InvalidInputException(field, $"must be 1–{MaxKeyLength} printable characters");

    /// <summary>Codes are stable identifiers (OPPFOLGINGSPLAN_FRIST, VURDER_STANS) that channels and the work list
    /// switch on; anything else is a mistake upstream. The bad value is not echoed: messages end up in the workflow
    /// history, and a mistaken value could be personal data.</summary>
    public static string Code(string? code, string field) =>
        code is not null && CodeShape().IsMatch(code)
            ? code
            : throw new InvalidInputException(field, "is not a code: 1–64 upper-case letters, digits and _, starting with a letter");

    public static string Cause(string? cause, string field) =>
        !string.IsNullOrWhiteSpace(cause) && cause.Length <= MaxCauseLength
            ? cause
            : throw new InvalidInputException(field, $"is required (the audit trail records why), at most {MaxCauseLength} characters");

    public static DateOnly Date(DateOnly date, string field) => SaneDates.Check(date, field);

    public static DateOnly? Date(DateOnly? date, string field) => date is null ? null : SaneDates.Check(date.Value, field);

    public static Effect Effect(Effect? effect, EffectKind kind, string field)
    {
        if (effect is null)
        {
            throw new InvalidInputException(field, "is required");
        }

        if (effect.Kind != kind)
        {
            throw new InvalidInputException($"{field}.kind", $"must be {kind}, was {effect.Kind}");
        }

        var recipientFits = kind == EffectKind.Task
            ? effect.To == Recipient.Veileder
            : effect.To is Recipient.Arbeidstaker or Recipient.Arbeidsgiver or Recipient.Sykmelder;
        if (!recipientFits)
        {
            throw new InvalidInputException($"{field}.to", $"{effect.To} cannot receive a {kind}");
        }

        Key(effect.Key, $"{field}.key");
        Code(effect.Code, $"{field}.code");
        Cause(effect.Cause, $"{field}.cause");
        Date(effect.On, $"{field}.on");
        Date(effect.NotBefore, $"{field}.notBefore");
        return effect;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,63}$")]
    private static partial Regex CodeShape();

    [GeneratedRegex("^[A-Za-z0-9_=+/.:-]+$")]
    private static partial Regex PseudonymShape();
}
