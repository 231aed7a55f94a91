using System.Globalization;
using System.Text.Json;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// Reads the fields of one JSON object by name (simulate's input around its events, which
/// <see cref="CaseEventJson"/> reads), each as the type it must have, and throws
/// <see cref="InvalidInputException"/> naming the field when it is missing, of the wrong type or unparseable.
/// Remembers which fields were read, so that <see cref="RejectUnread"/> can refuse a misspelt one: a typo such as
/// <c>orgNr</c> must not silently mean "no employer".
/// </summary>
public sealed class JsonFields
{
    private readonly JsonElement _object;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonFields(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("(object)", $"must be a JSON object, was {Describe(json)}");
        }

        _object = json;
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new InvalidInputException(name, "is required");

    public string? OptionalString(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : throw new InvalidInputException(name, $"must be a non-empty string, was {Describe(value)}");
    }

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>, within <see cref="SaneDates"/>.</summary>
    public DateOnly RequiredDate(string name) =>
        OptionalDate(name) ?? throw new InvalidInputException(name, "is required");

    public DateOnly? OptionalDate(string name) =>
        OptionalCalendarDate(name) is { } date ? SaneDates.Check(date, name) : null;

    /// <summary>Any calendar date, <c>yyyy-MM-dd</c>: for dates that are not case facts, such as a birth date.</summary>
    public DateOnly? OptionalCalendarDate(string name)
    {
        if (OptionalString(name) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException(name, $"must be a date like 2024-01-31, was \"{text}\"");
    }

    public JsonElement? OptionalObject(string name)
    {
        if (Optional(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidInputException(name, $"must be an object, was {Describe(value)}");
    }

    public IReadOnlyList<JsonElement> RequiredArray(string name)
    {
        var value = Required(name);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new InvalidInputException(name, $"must be an array, was {Describe(value)}");
    }

    /// <summary>Throws for the first field that was present but never read.</summary>
    public void RejectUnread(string context)
    {
        foreach (var property in _object.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw new InvalidInputException(property.Name, $"is not a field of {context}");
            }
        }
    }

    private JsonElement Required(string name) =>
        Optional(name) ?? throw new InvalidInputException(name, "is required");

    private JsonElement? Optional(string name)
    {
        _read.Add(name);
        return _object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
