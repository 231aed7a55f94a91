namespace Sykefravaer.Activities.Projection;

/// <summary>The kinds of <see cref="EventView"/>.</summary>
public static class EventCodes
{
    /// <summary>The oppfølgingsplan was shared; detail SYKMELDER or NAV.</summary>
    public const string OppfolgingsplanDelt = "OPPFOLGINGSPLAN_DELT";

    /// <summary>Someone said a dialogmøte is needed; detail who.</summary>
    public const string MotebehovMeldt = "MOTEBEHOV_MELDT";

    /// <summary>Someone said no dialogmøte is needed; detail who.</summary>
    public const string MotebehovIkkeBehov = "MOTEBEHOV_IKKE_BEHOV";

    /// <summary>A dialogmøte was held; detail its number (1, 2 or 3).</summary>
    public const string DialogmoteAvholdt = "DIALOGMOTE_AVHOLDT";

    /// <summary>A dialogmøte was called (the invitation went out); detail its number.</summary>
    public const string DialogmoteInnkalt = "DIALOGMOTE_INNKALT";

    /// <summary>KARTLEGGING_SVAR: the person answered the week-6 questions; detail RISIKO or LAV_RISIKO.</summary>
    public const string KartleggingSvar = "KARTLEGGING_SVAR";

    /// <summary>SNART_SLUTT_SVAR: the person answered; detail ONSKER_OPPFOLGING or ONSKER_IKKE_OPPFOLGING.</summary>
    public const string SnartSluttSvar = "SNART_SLUTT_SVAR";

    /// <summary>A dialogmøte was found unnecessary; detail its number.</summary>
    public const string DialogmoteUnntak = "DIALOGMOTE_UNNTAK";

    /// <summary>A veileder assessed the aktivitetskrav; detail the outcome (OPPFYLT, UNNTAK, IKKE_OPPFYLT, AVVENT).</summary>
    public const string AktivitetskravVurdert = "AKTIVITETSKRAV_VURDERT";

    /// <summary>F2: the last day a reply to the forhåndsvarsel is on time.</summary>
    public const string ForhandsvarselSvarfrist = "FORHANDSVARSEL_SVARFRIST";

    /// <summary>F3: the person replied to the forhåndsvarsel.</summary>
    public const string ForhandsvarselSvar = "FORHANDSVARSEL_SVAR";

    /// <summary>Ftrl § 8-5: friskmeldt til arbeidsformidling from this day; detail the last day of sykepenger.</summary>
    public const string FriskmeldingTilArbeidsformidling = "FRISKMELDING_TIL_ARBEIDSFORMIDLING";
}
