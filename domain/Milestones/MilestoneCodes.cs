namespace Sykefravaer.Domain.Milestones;

/// <summary>The stable codes of the milestones (stoppunkter) of RULES.md. A rule set may use others; these are the
/// ones the shipped rule sets use, and the codes every effect, key and audit entry carries.</summary>
public static class MilestoneCodes
{
    public const string OppfolgingsplanFrist = "OPPFOLGINGSPLAN_FRIST";
    public const string NavOppfolgingUtenArbeidsgiver = "NAV_OPPFOLGING_UTEN_ARBEIDSGIVER";
    public const string AktivitetskravInfo = "AKTIVITETSKRAV_INFO";
    public const string Kartlegging = "KARTLEGGING";
    public const string Dialogmote1Frist = "DIALOGMOTE1_FRIST";
    public const string AktivitetskravVurdering = "AKTIVITETSKRAV_VURDERING";
    public const string MotebehovSporsmal = "MOTEBEHOV_SPORSMAL";
    public const string Dialogmote2Kandidat = "DIALOGMOTE2_KANDIDAT";
    public const string Dialogmote2Frist = "DIALOGMOTE2_FRIST";
    public const string SnartSluttSykepenger = "SNART_SLUTT_SYKEPENGER";
    public const string Maksdato = "MAKSDATO";
}
