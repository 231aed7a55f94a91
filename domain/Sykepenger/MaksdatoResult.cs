namespace Sykefravaer.Domain.Sykepenger;

/// <summary>M1–M3 on a given date.</summary>
/// <param name="Maksdato">The last day sykepenger can be paid if the person stays sick from the date on.</param>
/// <param name="UsedDays">Sykepengedager used up to and including the date (M2: since the last reset, within the
/// last 3 years).</param>
/// <param name="RemainingDays">Sykepengedager left after the date, the age limits of M3 included.</param>
public sealed record MaksdatoResult(DateOnly Maksdato, int UsedDays, int RemainingDays);
