namespace Sykefravaer.Domain.Input;

/// <summary>An organisation number from Enhetsregisteret: 9 digits with a mod-11 check digit.</summary>
public sealed record Organisasjonsnummer
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    private Organisasjonsnummer(string value) => Value = value;

    public string Value { get; }

    public static Organisasjonsnummer Parse(string? input, string field = "orgnr")
    {
        var problem = Problem(input);
        return problem is null ? new Organisasjonsnummer(input!) : throw new InvalidInputException(field, problem);
    }

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
