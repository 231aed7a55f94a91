namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>Where an aktivitetskrav stands (the statuses of navikt/isaktivitetskrav that the engine needs).</summary>
public enum AktivitetskravStatus
{
    /// <summary>Not yet due (before the AKTIVITETSKRAV_VURDERING milestone).</summary>
    NotStarted,

    /// <summary>Due, waiting for the veileder's assessment.</summary>
    Ny,

    Avvent,

    Oppfylt,

    Unntak,

    /// <summary>F1/F2: forhåndsvarsel sent, waiting for a reply until the svarfrist.</summary>
    Forhandsvarsel,

    /// <summary>F3: a reply to the forhåndsvarsel came; back to the veileder's assessment.</summary>
    NyVurdering,

    /// <summary>F3: the svarfrist passed without reply, or the veileder upheld "ikke oppfylt" after it: a veileder
    /// decides on stans. The engine never stops sykepenger itself.</summary>
    VurderStans,
}
