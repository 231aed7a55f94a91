using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sykefravaer.Workflows.Contract;

/// <summary>The JSON of the event contract and of the API's answers: camelCase names, enums as upper-case words (SYKMELDER, IKKE_OPPFYLT, NOTICE) like the
/// event contract and the database, numbers never accepted for enums, numbers never accepted as strings (the web
/// defaults read <c>"100"</c> as 100, so a wrong type would pass), and dates as <c>yyyy-MM-dd</c>.</summary>
/// <remarks>The enum converter reads more than the contract allows (any case, names joined by commas);
/// <see cref="StrictValues"/> refuses that before a body is read.</remarks>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = Create(requireRequired: true);

    /// <summary>The same, except that required fields may be missing (they come out as defaults): for reading the
    /// rest of a body whose missing fields are already reported, so that its other fields are checked too.</summary>
    public static JsonSerializerOptions Lenient { get; } = Create(requireRequired: false);

    /// <summary>Copies the settings onto other options, such as those ASP.NET Core uses for responses and the OpenAPI
    /// document, so the API answers in the contract's spelling.</summary>
    public static void Apply(JsonSerializerOptions target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.NumberHandling = Options.NumberHandling;
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
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }

    private static JsonStringEnumConverter EnumConverter() => new(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false);
}
