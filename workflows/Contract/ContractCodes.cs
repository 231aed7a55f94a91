using System.Text.Json;

namespace Sykefravaer.Workflows.Contract;

/// <summary>How enum values are spelt in the JSON contracts, in and out: upper snake case (<c>IkkeOppfylt</c> is
/// <c>IKKE_OPPFYLT</c>, <c>Notice</c> is <c>NOTICE</c>).</summary>
public static class ContractCodes
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Of);

    public static bool TryParse<TEnum>(string code, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
