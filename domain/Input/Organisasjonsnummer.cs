using System.Text.Json.Serialization;

namespace Sykefravaer.Domain.Input;

/// <summary>An organisation number from Enhetsregisteret: 9 digits with a mod-11 check digit.</summary>
public sealed record Organisasjonsnummer
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>For System.Text.Json (workflow state): validates like <see cref="Parse"/>.</summary>
    [JsonConstructor]
    private Organisasjonsnummer(string value)
        : this(value, "orgnr")
    {
    }

    private Organisasjonsnummer(string? value, string field)
    {
        var problem = Problem(value);
        Value = problem is null ? value! : throw new InvalidInputException(field, problem);
    }

    public string Value { get; }

    public static Organisasjonsnummer Parse(string? input, string field = "orgnr") => new(input, field);

    public override string ToString() => Value;

    /// <summary>What is wrong with <paramref name="input"/> as an organisasjonsnummer, or null when valid.</summary>
    public static string? Problem(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "is required";
        }

        if (input.Length != 9 || !Mod11.AllDigits(input))
        {
            return "must be exactly 9 digits";
        }

        return Mod11.CheckDigit(input, Weights) == input[8] - '0' ? null : "check digit (digit 9) is wrong";
    }
}
