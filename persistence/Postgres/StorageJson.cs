using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sykefravaer.Persistence.Postgres;

/// <summary>How jsonb columns are written: camelCase names, enums as upper-case words (ARBEIDSTAKER, NOTICE) like
/// the rest of the tables, nulls left out. Readers (the API, the publisher) use the same options.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");
}
