using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Workflows;

/// <summary>The signal name of each event type (RULES.md, "Events"); also the <c>type</c> of the event in JSON.</summary>
public static class CaseSignals
{
    public const string Sykmelding = "sykmelding";
    public const string SykmeldingKorrigert = "sykmeldingKorrigert";
    public const string SykmeldingAvbrutt = "sykmeldingAvbrutt";
    public const string Friskmelding = "friskmelding";
    public const string OppfolgingsplanDelt = "oppfolgingsplanDelt";
    public const string Motebehov = "motebehov";
    public const string Dialogmote = "dialogmote";
    public const string AktivitetskravVurdering = "aktivitetskravVurdering";
    public const string ForhandsvarselSvar = "forhandsvarselSvar";
    public const string FriskmeldingTilArbeidsformidling = "friskmeldingTilArbeidsformidling";
    public const string Dodsfall = "dodsfall";
    public const string KartleggingSvar = "kartleggingSvar";
    public const string SnartSluttSvar = "snartSluttSvar";

    /// <summary>The signal that delivers <paramref name="e"/>, for senders that hold events of any type.</summary>
    public static string For(CaseEvent e) => e switch
    {
        SykmeldingMottatt => Sykmelding,
        Domain.Cases.SykmeldingKorrigert => SykmeldingKorrigert,
        Domain.Cases.SykmeldingAvbrutt => SykmeldingAvbrutt,
        FriskmeldingMottatt => Friskmelding,
        Domain.Cases.OppfolgingsplanDelt => OppfolgingsplanDelt,
        MotebehovMeldt => Motebehov,
        DialogmoteRegistrert => Dialogmote,
        AktivitetskravVurdert => AktivitetskravVurdering,
        Domain.Cases.ForhandsvarselSvar => ForhandsvarselSvar,
        Domain.Cases.FriskmeldingTilArbeidsformidling => FriskmeldingTilArbeidsformidling,
        Domain.Cases.Dodsfall => Dodsfall,
        KartleggingSvarMottatt => KartleggingSvar,
        SnartSluttSvarMottatt => SnartSluttSvar,
        _ => throw new ArgumentException($"No signal for {e?.GetType().Name}", nameof(e)),
    };
}
