using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// The events of RULES.md as a sender would build them, each stamped with the morning of the day it is sent
/// (<see cref="CaseDays.At"/>): that is when the test delivers it.
/// </summary>
public static class TestEvents
{
    /// <summary>A valid organisasjonsnummer (mod-11 check digit) for the employer.</summary>
    public const string Orgnr = "974652269";

    public static SykmeldingMottatt Sykmelding(
        string id, DateOnly fom, DateOnly tom, DateOnly? sentOn = null, int grad = 100, string? orgnr = Orgnr) =>
        new($"event-{id}", CaseDays.At(sentOn ?? fom), NewSykmelding(id, fom, tom, grad, orgnr));

    public static SykmeldingKorrigert SykmeldingKorrigert(
        string id, DateOnly fom, DateOnly tom, DateOnly sentOn, int grad = 100, string? orgnr = Orgnr) =>
        new($"correction-{id}-{sentOn:yyyyMMdd}", CaseDays.At(sentOn), NewSykmelding(id, fom, tom, grad, orgnr));

    public static SykmeldingAvbrutt SykmeldingAvbrutt(string sykmeldingId, DateOnly sentOn) =>
        new($"withdrawal-{sykmeldingId}", CaseDays.At(sentOn), sykmeldingId);

    public static FriskmeldingMottatt Friskmelding(string id, DateOnly dato, DateOnly? sentOn = null) =>
        new(id, CaseDays.At(sentOn ?? dato), dato);

    public static OppfolgingsplanDelt OppfolgingsplanDelt(string id, PlanMottaker mottaker, DateOnly sentOn) =>
        new(id, CaseDays.At(sentOn), mottaker);

    public static MotebehovMeldt Motebehov(string id, MotebehovFra fra, bool harBehov, DateOnly sentOn) =>
        new(id, CaseDays.At(sentOn), fra, harBehov);

    public static DialogmoteRegistrert Dialogmote(
        string id, int motetype, DialogmoteStatus status, DateOnly dato, string? begrunnelse = null, DateOnly? sentOn = null) =>
        new(id, CaseDays.At(sentOn ?? dato), motetype, status, dato, begrunnelse);

    public static AktivitetskravVurdert AktivitetskravVurdert(
        string id, VurderingUtfall utfall, DateOnly sentOn, string? arsak = null, DateOnly? svarfrist = null) =>
        new(id, CaseDays.At(sentOn), new AktivitetskravVurdering(utfall, arsak, svarfrist));

    public static ForhandsvarselSvar ForhandsvarselSvar(string id, DateOnly sentOn) => new(id, CaseDays.At(sentOn));

    public static FriskmeldingTilArbeidsformidling FriskmeldingTilArbeidsformidling(string id, DateOnly fom, DateOnly tom, DateOnly? sentOn = null) =>
        new(id, CaseDays.At(sentOn ?? fom), Periode.Of(fom, tom));

    public static Dodsfall Dodsfall(string id, DateOnly dato, DateOnly sentOn) => new(id, CaseDays.At(sentOn), dato);

    public static KartleggingSvarMottatt KartleggingSvar(string id, KartleggingSvar svar, DateOnly sentOn) => new(id, CaseDays.At(sentOn), svar);

    public static SnartSluttSvarMottatt SnartSluttSvar(string id, bool onskerOppfolging, DateOnly sentOn) =>
        new(id, CaseDays.At(sentOn), onskerOppfolging);

    private static Sykmelding NewSykmelding(string id, DateOnly fom, DateOnly tom, int grad, string? orgnr) =>
        new(id, Periode.Of(fom, tom), Grad.Of(grad), orgnr is null ? null : Organisasjonsnummer.Parse(orgnr));
}
