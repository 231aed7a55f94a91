using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// Values System.Text.Json reads but the contract refuses. Its enum converter ignores case and reads names joined by
/// commas as the values OR-ed together: <c>"UNNTAK, AVVENT"</c> is IKKE_OPPFYLT, another decision than either. And it
/// reads an instant without a UTC offset in the server's time zone, so the same request would mean another moment
/// on another server.
/// </summary>
public static partial class StrictValues
{
    /// <summary>Whether <paramref name="value"/>, already read as <paramref name="type"/> without error, is spelt as
    /// the contract says: an enum exactly one of its names, an instant with its offset.</summary>
    public static bool Allows(JsonElement value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return value.ValueKind == JsonValueKind.String && EnumNames(type).Any(value.ValueEquals);
        }

        if (type == typeof(DateTimeOffset))
        {
            return value.ValueKind == JsonValueKind.String && EndsWithOffset().IsMatch(value.GetString()!);
        }

        return true;
    }

    /// <summary>The names an enum is written and read as: SYKMELDER, IKKE_OPPFYLT.</summary>
    public static IEnumerable<string> EnumNames(Type enumType) => ContractCodes.Names(enumType);

    [GeneratedRegex(@"(?:Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithOffset();
}
