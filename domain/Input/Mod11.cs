namespace Sykefravaer.Domain.Input;

/// <summary>The weighted modulus-11 check digit used by fødselsnummer and organisasjonsnummer.</summary>
internal static class Mod11
{
    /// <summary>The check digit for <paramref name="digits"/> under <paramref name="weights"/>, or null when
    /// the remainder gives 10, which no valid number has.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
