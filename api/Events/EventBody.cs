using System.ComponentModel;
using Sykefravaer.Api.Validation;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Api.Events;

/// <summary>
/// What every event sent to the API carries: the sender's id, the person, and when it happened. The person is
/// identified by the fødselsnummer in the body, never in the URL; the API turns it into the keyed pseudonym at once,
/// and nothing beyond this request sees it.
/// </summary>
public abstract record EventBody
{
    [Description("The sender's unique id of this event, at most 200 characters, no control characters. Sending the same type and id again is a duplicate: accepted with the same answer, no second effect.")]
    public required string Id { get; init; }

    [Description("The person's fødselsnummer or D-number (11 digits, valid check digits).")]
    public required string Fnr { get; init; }

    [Description("When it happened at the sender (ISO 8601 with its UTC offset, Z or ±hh:mm: a time without one is refused); defaults to when the API received it.")]
    public DateTimeOffset? At { get; init; }

    /// <summary>The validated event for the person's case, or null with every problem in <paramref name="checks"/>.</summary>
    public EventSubmission? Validate(DomainChecks checks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var fnr = checks.Fnr(Fnr);
        var id = checks.Text(Id, "id");
        var at = checks.At(At, now);
        var e = ToEvent(id ?? string.Empty, at, checks);
        if (fnr is null || e is null || !checks.Errors.IsEmpty)
        {
            return null;
        }

        try
        {
            // The case's own check: whatever rule the domain adds later is enforced here too, before signalling.
            e.Validate();
        }
        catch (InvalidInputException rejected)
        {
            checks.Errors.Add(rejected.Field, rejected.Problem);
            return null;
        }

        return new EventSubmission(fnr, e);
    }

    /// <summary>The domain event, or null when a field is wrong (reported to <paramref name="checks"/>).</summary>
    protected abstract CaseEvent? ToEvent(string id, DateTimeOffset at, DomainChecks checks);
}

/// <summary>A valid event and the person whose case it goes to.</summary>
public sealed record EventSubmission(Fodselsnummer Fnr, CaseEvent Event);
