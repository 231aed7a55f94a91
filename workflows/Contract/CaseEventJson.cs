using System.Text.Json;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// An event of a simulated case history: the <see cref="EventBody"/> of its <c>type</c>, read and checked exactly as
/// the API reads and checks a request body, with <c>at</c> required (a simulation has no "now") and no <c>fnr</c> (a
/// simulation is of one person). Everything that can be checked without the case is checked here, so a bad event is
/// refused before anything runs.
/// </summary>
/// <remarks>The fields per type are listed in README.md, "Simulate a case history".</remarks>
public static class CaseEventJson
{
    private static readonly IReadOnlySet<string> Envelope = new HashSet<string>(StringComparer.Ordinal) { "type" };

    /// <exception cref="InvalidInputException">Names the first field that is wrong, and the others after it.</exception>
    public static CaseEvent Read(JsonElement json)
    {
        var type = new JsonFields(json).RequiredString("type");
        var contract = EventTypes.Find(type)
            ?? throw new InvalidInputException("type", $"\"{type}\" is not an event type; known: {string.Join(", ", EventTypes.Names)}");
        var (read, errors) = ContractReader.Read(contract.BodyType, json, Envelope);
        var body = (EventBody)read;
        if (body.Fnr is not null)
        {
            errors.Add("fnr", "is not a field of a simulated event: a simulation is of one person");
        }

        if (body.At is not { } at)
        {
            if (!errors.Has("at"))
            {
                errors.Add("at", "is required: a simulated event happens at a given time");
            }

            throw errors.ToException();
        }

        // The case applies a simulated event on the day it happens, as the API's case applies it on the day it comes.
        var checks = new EventChecks(errors, NorwegianTime.DateOf(at));
        return body.ToCaseEvent(checks, at) ?? throw errors.ToException();
    }
}
