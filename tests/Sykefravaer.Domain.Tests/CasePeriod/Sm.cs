using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Tests.CasePeriod;

/// <summary>Short builders for sykmeldinger in tests: dates as "yyyy-MM-dd", 100 % and employer A unless told.</summary>
internal static class Sm
{
    public static readonly Organisasjonsnummer EmployerA = Organisasjonsnummer.Parse("974652269");
    public static readonly Organisasjonsnummer EmployerB = Organisasjonsnummer.Parse("889640782");

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public static Sykmelding Of(
        string id,
        string fom,
        string tom,
        int grad = 100,
        Organisasjonsnummer? arbeidsgiver = null,
        bool withoutEmployer = false,
        SykmeldingType type = SykmeldingType.Ordinary) =>
        new(id, Periode.Of(D(fom), D(tom)), Grad.Of(grad), withoutEmployer ? null : arbeidsgiver ?? EmployerA, type);

    public static Sykmelding Of(string id, DateOnly fom, DateOnly tom, int grad = 100) =>
        new(id, Periode.Of(fom, tom), Grad.Of(grad), EmployerA);

    public static SykmeldingLedger Ledger(params Sykmelding[] sykmeldinger) =>
        sykmeldinger.Aggregate(SykmeldingLedger.Empty, (ledger, s) => ledger.Receive(s));

    public static Oppfolgingstilfelle Single(SykmeldingLedger ledger) => Assert.Single(ledger.Tilfeller());
}
