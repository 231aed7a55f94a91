using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// Checks a JSON object field by field against a contract type, before it is
/// deserialised: each missing required field, each value of the wrong type, and each field the contract does not
/// have is named. Unknown fields are refused rather than ignored: a misspelt optional field (<c>orgNr</c>) would
/// otherwise silently mean "no employer". A value must also be spelt as the contract says (<see cref="StrictValues"/>),
/// not merely be readable.
/// </summary>
public static class FieldTypeCheck
{
    /// <param name="contractType">The type the object is read as.</param>
    /// <param name="body">The object.</param>
    /// <param name="envelope">Fields the caller reads itself (simulate's <c>type</c>): neither checked nor refused.</param>
    public static ValidationErrors Check(Type contractType, JsonElement body, IReadOnlySet<string> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var errors = new ValidationErrors();
        var contract = ContractJson.Options.GetTypeInfo(contractType);
        var properties = contract.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var field in body.EnumerateObject())
        {
            if (envelope.Contains(field.Name))
            {
                continue;
            }

            if (!seen.Add(field.Name))
            {
                errors.Add(field.Name, "appears more than once");
            }
            else if (!properties.TryGetValue(field.Name, out var property))
            {
                errors.Add(field.Name, "is not a field of this request");
            }
            else if (field.Value.ValueKind == JsonValueKind.Null)
            {
                if (property.IsRequired)
                {
                    errors.Add(field.Name, "is required");
                }
            }
            else if (!HasType(field.Value, property))
            {
                errors.Add(field.Name, ExpectedType(property.PropertyType));
            }
        }

        foreach (var property in contract.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)))
        {
            errors.Add(property.Name, "is required");
        }

        return errors;
    }

    private static bool HasType(JsonElement value, JsonPropertyInfo property)
    {
        try
        {
            value.Deserialize(property.PropertyType, ContractJson.Options);
            return StrictValues.Allows(value, property.PropertyType);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string ExpectedType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"must be one of {string.Join(", ", StrictValues.EnumNames(type))}";
        }

        return type switch
        {
            _ when type == typeof(string) => "must be a string",
            _ when type == typeof(int) => "must be a whole number",
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(DateOnly) => "must be a date, yyyy-MM-dd",
            _ when type == typeof(DateTimeOffset) => "must be a date and time with offset, e.g. 2024-01-02T08:00:00+01:00",
            _ => $"must be a {type.Name}",
        };
    }
}
