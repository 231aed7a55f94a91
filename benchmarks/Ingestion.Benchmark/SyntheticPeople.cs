using System.Globalization;
using Sykefravaer.Domain.Input;

namespace Ingestion.Benchmark;

/// <summary>Valid, distinct synthetic fødselsnumre (check digits found by asking the domain).</summary>
internal static class SyntheticPeople
{
    public static string[] Create(int count)
    {
        var people = new List<string>(count);
        for (var n = 0; people.Count < count; n++)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(n % (50 * 365));
            var individual = n / (50 * 365) % 500;
            var prefix = birth.ToString("ddMMyy", CultureInfo.InvariantCulture) + individual.ToString("000", CultureInfo.InvariantCulture);
            var valid = Enumerable.Range(0, 100)
                .Select(check => prefix + check.ToString("00", CultureInfo.InvariantCulture))
                .FirstOrDefault(candidate => Fodselsnummer.Problem(candidate) is null);
            if (valid is not null)
            {
                people.Add(valid);
            }
        }

        return [.. people];
    }
}
