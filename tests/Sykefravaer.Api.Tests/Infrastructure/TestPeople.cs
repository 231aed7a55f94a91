using System.Globalization;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>Valid, unique synthetic identities for tests: check digits found by asking the domain, not recomputed.</summary>
public static class TestPeople
{
    private static int _next = Random.Shared.Next(1000);

    /// <summary>A fødselsnummer nobody else in this test run has, born in 1960–1999.</summary>
    public static string NewFnr()
    {
        while (true)
        {
            var n = Interlocked.Increment(ref _next);
            var birth = new DateOnly(1960, 1, 1).AddDays(n * 7 % (40 * 365));
            var individual = n % 500; // 000–499: born in the 1900s
            var prefix = birth.ToString("ddMMyy", CultureInfo.InvariantCulture) + individual.ToString("000", CultureInfo.InvariantCulture);
            for (var check = 0; check < 100; check++)
            {
                var candidate = prefix + check.ToString("00", CultureInfo.InvariantCulture);
                if (Fodselsnummer.Problem(candidate) is null)
                {
                    return candidate;
                }
            }
        }
    }

    /// <summary>The same number with its last check digit wrong.</summary>
    public static string WithWrongCheckDigit(string fnr) =>
        fnr[..10] + ((fnr[10] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid organisasjonsnummer.</summary>
    public const string Orgnr = "974652269";

    public const string OrgnrWithWrongCheckDigit = "974652268";
}
