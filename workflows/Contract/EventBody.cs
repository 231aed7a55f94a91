using System.ComponentModel;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// The event contract: what every event sent to a case carries (the sender's id, when it happened, and to the API
/// the person), with one subtype per event type (<see cref="EventTypes"/>) for the fields of its type. The API reads
/// its request bodies as these types and <c>simulate</c> its events, and both check them with the same
/// <see cref="EventChecks"/>, so an event is refused in the same words wherever it is sent.
/// </summary>
/// <remarks>The person is identified by the fødselsnummer in the body, never in the URL; the API turns it into the
/// keyed pseudonym at once, and nothing beyond that request sees it.</remarks>
public abstract record EventBody
{
    [Description("The sender's unique id of this event, at most 200 characters, no control characters. Sending the same type and id again is a duplicate: accepted with the same answer, no second effect.")]
    public required string Id { get; init; }

    [Description("Required: the person's fødselsnummer or D-number (11 digits, valid check digits). A simulation is of one person and leaves it out.")]
    public string? Fnr { get; init; }

    [Description("When it happened at the sender (ISO 8601 with its UTC offset, Z or ±hh:mm: a time without one is refused); defaults to when the API received it.")]
    public DateTimeOffset? At { get; init; }

    /// <summary>The case event, or null with every problem in <paramref name="checks"/>. The person
    /// (<see cref="Fnr"/>) is the caller's to check: only the API has one.</summary>
    /// <param name="received">When the event arrived: its time when it has no <see cref="At"/>.</param>
    public CaseEvent? ToCaseEvent(EventChecks checks, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var id = checks.Text(Id, "id");
        var at = checks.At(At, received);
        var e = ToEvent(id ?? string.Empty, at, checks);
        if (e is null || !checks.Errors.IsEmpty)
        {
            return null;
        }

        try
        {
            // The case's own guard: a rule the domain adds later is enforced here too, before anything is signalled.
            e.Validate();
        }
        catch (InvalidInputException rejected)
        {
            checks.Errors.Add(rejected.Field, rejected.Problem);
            return null;
        }

        return e;
    }

    /// <summary>The domain event, or null when a field is wrong (reported to <paramref name="checks"/>).</summary>
    protected abstract CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks);
}
