using System.Globalization;
using System.Text.Json;
using Google.Protobuf.Collections;
using Temporalio.Api.Common.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

/// <summary>Reading and merging search attribute (and memo) payloads, which SDKs encode as JSON.</summary>
internal static class SearchAttributeValues
{
    /// <summary>
    /// Applies an upsert: each given value replaces the current one, and an empty value (JSON null or an empty list)
    /// removes it, as in Temporal.
    /// </summary>
    public static void Merge(MapField<string, Payload> current, MapField<string, Payload> upsert)
    {
        foreach (var (name, payload) in upsert)
        {
            if (IsEmpty(payload))
            {
                current.Remove(name);
            }
            else
            {
                current[name] = payload;
            }
        }
    }

    /// <summary>A payload's value as a string, number, boolean, date-time or list of those; null if unreadable.</summary>
    public static object? Decode(Payload payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.Data.Memory);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        _ => null,
    };

    private static bool IsEmpty(Payload payload)
    {
        if (payload.Data.IsEmpty)
        {
            return true;
        }
        var text = payload.Data.ToStringUtf8().Trim();
        return text is "null" or "[]";
    }

    /// <summary>Parses a date-time the way visibility queries and SDKs write them (ISO 8601).</summary>
    public static DateTime? AsDateTime(object? value) => value switch
    {
        DateTime time => time,
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            => parsed.UtcDateTime,
        _ => null,
    };
}
