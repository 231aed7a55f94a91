using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// Reads a JSON object as a contract type, naming every field that is missing, of the wrong type or unknown
/// (<see cref="FieldTypeCheck"/>) instead of stopping at the first, as model binding would. The API reads its request
/// bodies with it and <c>simulate</c> its events, so both refuse the same input with the same words.
/// </summary>
public static class ContractReader
{
    private static readonly IReadOnlySet<string> NoEnvelope = new HashSet<string>();

    /// <summary>The object as <paramref name="contractType"/>, and its problems so far. Fields named in the errors
    /// hold defaults, not what was sent; the fields that are fine are still read, so the caller's checks name their
    /// problems too.</summary>
    /// <param name="envelope">Fields the caller reads itself: left out of the check and of the object.</param>
    public static (object Body, ValidationErrors Errors) Read(
        Type contractType, JsonElement json, IReadOnlySet<string>? envelope = null)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        envelope ??= NoEnvelope;
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("the contract reads JSON objects only; the caller checks the kind", nameof(json));
        }

        var errors = FieldTypeCheck.Check(contractType, json, envelope);
        if (errors.IsEmpty)
        {
            // The envelope's fields are not the type's, and the contract's options skip what a type does not have.
            return (json.Deserialize(contractType, ContractJson.Options)!, errors);
        }

        var wellTyped = new JsonObject();
        foreach (var field in json.EnumerateObject().Where(f => !errors.Has(f.Name) && !envelope.Contains(f.Name)))
        {
            wellTyped[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        }

        return (wellTyped.Deserialize(contractType, ContractJson.Lenient)!, errors);
    }
}
