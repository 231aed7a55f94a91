using System.Globalization;

namespace Sykefravaer.Api.Veileder;

/// <summary>How the web view writes dates and people: Norwegian dates, and the person as the start of their
/// pseudonym (enough to tell rows apart; the fødselsnummer is shown nowhere).</summary>
public static class VeilederFormat
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static string Date(DateOnly day) => day.ToString("d. MMM yyyy", Norwegian);

    public static string Pseudonym(string personRef) =>
        personRef.Length <= 10 ? personRef : $"Person {personRef[..10]}";
}
