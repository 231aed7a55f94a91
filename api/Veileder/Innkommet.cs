using Sykefravaer.Activities.Projection;

namespace Sykefravaer.Api.Veileder;

/// <summary>What came in to a case (<see cref="EventView"/>), in the words of NAV's Historikk: what it was and who
/// it came from.</summary>
public static class Innkommet
{
    public static string LabelOf(EventView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Code switch
        {
            EventCodes.OppfolgingsplanDelt => e.Detail == "NAV" ? "Oppfølgingsplan delt med NAV" : "Oppfølgingsplan delt med sykmelder",
            EventCodes.MotebehovMeldt => "Møtebehov meldt",
            EventCodes.MotebehovIkkeBehov => "Ikke behov for dialogmøte",
            EventCodes.DialogmoteAvholdt => $"Dialogmøte {e.Detail} avholdt",
            EventCodes.DialogmoteUnntak => $"Dialogmøte {e.Detail}: unntak",
            EventCodes.DialogmoteInnkalt => $"Innkalt til dialogmøte {e.Detail}",
            EventCodes.KartleggingSvar => e.Detail == "RISIKO"
                ? "Svart på kartleggingsspørsmål: svarene indikerer behov for vurdering av oppfølging"
                : "Svart på kartleggingsspørsmål: svarene indikerer ikke behov for videre vurdering",
            EventCodes.SnartSluttSvar => e.Detail == "ONSKER_OPPFOLGING"
                ? "Snart slutt på sykepengene: ønsker oppfølging"
                : "Snart slutt på sykepengene: ønsker ikke oppfølging",
            EventCodes.AktivitetskravVurdert => $"Aktivitetskrav vurdert: {Utfall(e.Detail)}",
            EventCodes.ForhandsvarselSvarfrist => "Svarfrist for forhåndsvarselet",
            EventCodes.ForhandsvarselSvar => "Svar på forhåndsvarselet",
            EventCodes.FriskmeldingTilArbeidsformidling => "Friskmeldt til arbeidsformidling",
            _ => e.Code,
        };
    }

    /// <summary>Who it came from, where the event says.</summary>
    public static string FromOf(EventView e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Code switch
        {
            EventCodes.MotebehovMeldt or EventCodes.MotebehovIkkeBehov => e.Detail switch
            {
                "ARBEIDSTAKER" => "Den sykmeldte",
                "ARBEIDSGIVER" => "Arbeidsgiver",
                "SYKMELDER" => "Sykmelder",
                _ => "",
            },
            EventCodes.ForhandsvarselSvar or EventCodes.KartleggingSvar or EventCodes.SnartSluttSvar => "Den sykmeldte",
            EventCodes.AktivitetskravVurdert or EventCodes.DialogmoteAvholdt or EventCodes.DialogmoteUnntak
                or EventCodes.DialogmoteInnkalt => "Veileder",
            _ => "",
        };
    }

    private static string Utfall(string? utfall) => utfall switch
    {
        "OPPFYLT" => "oppfylt",
        "UNNTAK" => "unntak",
        "IKKE_OPPFYLT" => "ikke oppfylt",
        "AVVENT" => "avvent",
        _ => utfall ?? "",
    };
}
