using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>Friskmelding (events table): the person is well from a date, so the sick leave that began before it
/// ends the day before. A sykmelding that starts on or after the date is a new sick leave and is left alone.</summary>
internal static class Friskmelding
{
    /// <summary>The part of <paramref name="periode"/> that is still sick after every friskmelding in
    /// <paramref name="friskFra"/>; never empty, since only dates after <c>fom</c> cut it.</summary>
    public static Periode Shorten(Periode periode, IEnumerable<DateOnly> friskFra)
    {
        var tom = periode.Tom;
        foreach (var dato in friskFra)
        {
            if (dato > periode.Fom && dato <= tom)
            {
                tom = dato.AddDays(-1);
            }
        }

        return tom == periode.Tom ? periode : Periode.Of(periode.Fom, tom);
    }
}
