using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sykefravaer.Api.Json;

/// <summary>The API's JSON: camelCase names, enums as upper-case words (SYKMELDER, IKKE_OPPFYLT, NOTICE) like the
/// event contract and the database, numbers never accepted for enums, and dates as <c>yyyy-MM-dd</c>.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create(requireRequired: true);

    /// <summary>The same, except that required fields may be missing (they come out as defaults): for reading the
    /// rest of a body whose missing fields are already reported, so that its other fields are checked too.</summary>
    public static JsonSerializerOptions Lenient { get; } = Create(requireRequired: false);

    /// <summary>Copies the settings onto the options ASP.NET Core uses for responses and the OpenAPI document.</summary>
    public static void Apply(JsonSerializerOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.Converters.Add(EnumConverter());
    }

    private static JsonSerializerOptions Create(bool requireRequired)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (!requireRequired)
        {
            resolver.Modifiers.Add(contract =>
            {
                foreach (var property in contract.Properties)
                {
                    property.IsRequired = false;
                }
            });
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { EnumConverter() },
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }

    private static JsonStringEnumConverter EnumConverter() => new(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false);
}
