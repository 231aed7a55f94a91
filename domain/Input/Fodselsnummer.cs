using System.Text.Json.Serialization;

namespace Sykefravaer.Domain.Input;

/// <summary>
/// A Norwegian national identity number (fødselsnummer or D-number), validated: 11 digits, both mod-11 check
/// digits, and a birth date that exists. <see cref="ToString"/> never reveals it, so an accidental log line or
/// interpolation cannot leak it; use <see cref="Value"/> where the number itself is needed.
/// </summary>
public sealed record Fodselsnummer
{
    private static readonly int[] FirstCheckWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondCheckWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>For System.Text.Json (workflow state): validates like <see cref="Parse"/>.</summary>
    [JsonConstructor]
    private Fodselsnummer(string value)
        : this(value, "fnr")
    {
    }

    private Fodselsnummer(string? value, string field)
    {
        var problem = Problem(value);
        Value = problem is null ? value! : throw new InvalidInputException(field, problem);
    }

    public string Value { get; }

    /// <summary>D-numbers (given to people without a fødselsnummer) add 4 to the first digit of the day.</summary>
    public bool IsDNumber => Value[0] >= '4';

    public static Fodselsnummer Parse(string? input, string field = "fnr") => new(input, field);

    public static bool TryParse(string? input, out Fodselsnummer? fnr)
    {
        fnr = Problem(input) is null ? new Fodselsnummer(input, "fnr") : null;
        return fnr is not null;
    }

    /// <summary>The birth date the number encodes (day, month, and a century from the individual number).</summary>
    public DateOnly BirthDate => DecodeBirthDate(Value)!.Value;

    public override string ToString() => "***********";

    /// <summary>What is wrong with <paramref name="input"/> as a fødselsnummer, or null when it is valid.</summary>
    public static string? Problem(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "is required";
        }

        if (input.Length != 11 || !Mod11.AllDigits(input))
        {
            return "must be exactly 11 digits";
        }

        if (Mod11.CheckDigit(input, FirstCheckWeights) != input[9] - '0')
        {
            return "first check digit (digit 10) is wrong";
        }

        if (Mod11.CheckDigit(input, SecondCheckWeights) != input[10] - '0')
        {
            return "second check digit (digit 11) is wrong";
        }

        return DecodeBirthDate(input) is null ? "does not encode a valid birth date" : null;
    }

    private static DateOnly? DecodeBirthDate(string value)
    {
        var day = int.Parse(value.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(2, 2), System.Globalization.CultureInfo.InvariantCulture);
        var year = int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
        var individual = int.Parse(value.AsSpan(6, 3), System.Globalization.CultureInfo.InvariantCulture);

        if (day > 40)
        {
            day -= 40; // D-number
        }

        // Synthetic test identities (NAV's Dolly: month + 40, Skatteetaten's Tenor: month + 80) are accepted so
        // that test environments work with the same validation.
        if (month > 80)
        {
            month -= 80;
        }
        else if (month > 40)
        {
            month -= 40;
        }

        var century = individual switch
        {
            <= 499 => 1900,
            <= 749 when year >= 54 => 1800,
            >= 900 when year >= 40 => 1900,
            >= 500 when year <= 39 => 2000,
            _ => (int?)null,
        };

        if (century is null || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(century.Value + year, month))
        {
            return null;
        }

        return new DateOnly(century.Value + year, month, day);
    }
}
