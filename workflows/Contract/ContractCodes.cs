using System.Text.Json;

namespace Sykefravaer.Workflows.Contract;

/// <summary>How enum values are spelt in the JSON contracts, in and out: upper snake case (<c>IkkeOppfylt</c> is
/// <c>IKKE_OPPFYLT</c>, <c>Notice</c> is <c>NOTICE</c>).</summary>
public static class ContractCodes
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        OfName(value.ToString());

    /// <summary>Every value of <paramref name="enumType"/> as the contract spells it.</summary>
    public static IEnumerable<string> Names(Type enumType) => Enum.GetNames(enumType).Select(OfName);

    private static string OfName(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
}
