using Sykefravaer.Domain.CasePeriod;

namespace Sykefravaer.Domain.Sykepenger;

/// <summary>M1–M3: the maksdato and the remaining sykepengedager.</summary>
public static class Maksdato
{
    /// <summary>
    /// M1–M3 on <paramref name="asOf"/>, from all of a person's tilfeller (earlier ones count unless M2 reset the
    /// count), assuming the person stays sick every day after <paramref name="asOf"/>.
    /// </summary>
    public static MaksdatoResult Calculate(IEnumerable<Oppfolgingstilfelle> tilfeller, DateOnly asOf, DateOnly? birthDate) =>
        throw new NotImplementedException();
}
