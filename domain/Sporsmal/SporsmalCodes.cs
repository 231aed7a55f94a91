using Sykefravaer.Domain.Milestones;

namespace Sykefravaer.Domain.Sporsmal;

/// <summary>The codes of the veileder tasks and notices that answers (or their absence) and requests decide.</summary>
public static class SporsmalCodes
{
    /// <summary>KARTLEGGING answered, no answer indicating risk («Svarene indikerer ikke behov for videre vurdering»).</summary>
    public const string KartleggingSvar = "KARTLEGGING_SVAR";

    /// <summary>KARTLEGGING answered with at least one answer that is not the low-risk one: flagged risk.</summary>
    public const string KartleggingSvarRisiko = "KARTLEGGING_SVAR_RISIKO";

    /// <summary>SNART_SLUTT_SYKEPENGER answered: the person wants follow-up («Ønsker oppfølging»).</summary>
    public const string SnartSluttOnskerOppfolging = "SNART_SLUTT_SYKEPENGER_ONSKER_OPPFOLGING";

    /// <summary>SNART_SLUTT_SYKEPENGER answered: the person does not want follow-up now.</summary>
    public const string SnartSluttOnskerIkkeOppfolging = "SNART_SLUTT_SYKEPENGER_ONSKER_IKKE_OPPFOLGING";

    /// <summary>REQUEST_FEEDBACK: the notice that tells whoever stated a møtebehov that NAV has it.</summary>
    public const string MotebehovKvittering = "MOTEBEHOV_KVITTERING";

    /// <summary>REQUEST_FEEDBACK: the notice that tells whoever stated a møtebehov what the veileder decided.</summary>
    public const string MotebehovAvklart = "MOTEBEHOV_AVKLART";

    /// <summary>The task when questions sent by milestone <paramref name="code"/> were not answered in time.</summary>
    public static string IkkeSvart(string code) => $"{code}_IKKE_SVART";

    /// <summary>SNART_SLUTT_SYKEPENGER not answered within 10 days («Ikke svart»).</summary>
    public static string SnartSluttIkkeSvart { get; } = IkkeSvart(MilestoneCodes.SnartSluttSykepenger);
}
