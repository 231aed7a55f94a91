using System.Text.Json;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Milestones;
using Sykefravaer.Domain.Time;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Worker.Simulation;

/// <summary>
/// Reads and checks a whole simulate input before anything runs: every event through the shared
/// <see cref="CaseEventJson"/> contract, events in time order, and <c>until</c> not before the last event.
/// </summary>
public static class SimulationInputReader
{
    /// <exception cref="SimulationInputException">Says which event (index and id) and which field is wrong.</exception>
    public static SimulationInput Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SimulationInputException($"the input is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>One history already parsed, e.g. an element of a forecast population.</summary>
    /// <exception cref="SimulationInputException">Says which event and which field is wrong.</exception>
    public static SimulationInput Read(JsonElement root)
    {
        var (person, ruleSet, eventList, until) = At("input", () =>
        {
            var top = new JsonFields(root);
            var person = top.OptionalObject("person");
            var read = (
                Person: person,
                RuleSet: KnownRuleSet(top.OptionalString("ruleSet")),
                Events: top.RequiredArray("events"),
                Until: top.RequiredDate("until"));
            top.RejectUnread("the input");
            return read;
        });
        var birthDate = person is { } p ? At("person", () => ReadBirthDate(p)) : null;
        var events = eventList.Select((e, index) => AtEvent(index, e, () => CaseEventJson.Read(e))).ToList();

        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].At < events[i - 1].At)
            {
                throw new SimulationInputException(
                    $"{Where(i, events[i].Id)}: at: {events[i].At:O} is before the previous event's {events[i - 1].At:O}; list events in the order they happen");
            }
        }

        if (events.Count > 0 && NorwegianTime.DateOf(events[^1].At) > until)
        {
            throw new SimulationInputException($"input: until: {until:yyyy-MM-dd} is before the last event ({events[^1].At:O})");
        }

        return new SimulationInput(birthDate, events, until, ruleSet);
    }

    /// <summary>A version the workflow can start a case under: an unknown one would fail the workflow task, not the
    /// input, so it is refused here with the versions there are.</summary>
    private static string? KnownRuleSet(string? version) =>
        version is null || RuleSets.TryGet(version, out _)
            ? version
            : throw new InvalidInputException(
                "ruleSet", $"\"{version}\" is not a rule set; known: {string.Join(", ", RuleSets.All.Select(r => r.Version))}");

    private static DateOnly? ReadBirthDate(JsonElement person)
    {
        var fields = new JsonFields(person);
        var birthDate = fields.OptionalCalendarDate("birthDate");
        fields.RejectUnread("person");
        return birthDate;
    }

    private static T At<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidInputException e)
        {
            throw new SimulationInputException($"{where}: {e.Field}: {e.Problem}");
        }
    }

    private static T AtEvent<T>(int index, JsonElement e, Func<T> read)
    {
        var id = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        return At(Where(index, id), read);
    }

    private static string Where(int index, string? id) =>
        id is null ? $"events[{index}] (no id)" : $"events[{index}] (id \"{id}\")";
}
