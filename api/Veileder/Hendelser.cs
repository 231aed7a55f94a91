namespace Sykefravaer.Api.Veileder;

/// <summary>What a task is about, as veiledere name it in syfooversikt (the work list's "hendelse" filter and column),
/// by the rule code of RULES.md.</summary>
public static class Hendelser
{
    public static IReadOnlyList<(string Code, string Label)> Tasks { get; } =
    [
        ("NAV_OPPFOLGING_UTEN_ARBEIDSGIVER", "Oppfølging uten arbeidsgiver"),
        ("AKTIVITETSKRAV_VURDERING", "Aktivitetskrav: vurder"),
        ("VURDER_STANS", "Forhåndsvarsel utløpt: vurder stans"),
        ("MOTEBEHOV", "Møtebehov"),
        ("DIALOGMOTE2_KANDIDAT", "Dialogmøtekandidat"),
        ("DIALOGMOTE2_FRIST", "Frist for dialogmøte 2"),
        ("SNART_SLUTT_SYKEPENGER", "Snart slutt på sykepengene"),
        ("KARTLEGGING_SVAR_RISIKO", "Svart på kartleggingsspørsmål: risiko"),
        ("KARTLEGGING_SVAR", "Svart på kartleggingsspørsmål"),
        ("SNART_SLUTT_SYKEPENGER_ONSKER_OPPFOLGING", "Snart slutt på sykepengene: ønsker oppfølging"),
        ("SNART_SLUTT_SYKEPENGER_ONSKER_IKKE_OPPFOLGING", "Snart slutt på sykepengene: ønsker ikke oppfølging"),
        ("SNART_SLUTT_SYKEPENGER_IKKE_SVART", "Snart slutt på sykepengene: ikke svart"),
        ("MAKSDATO", "Maksdato nådd"),
    ];

    public static string LabelOf(string code) =>
        Tasks.FirstOrDefault(task => task.Code == code).Label ?? Notices.GetValueOrDefault(code, code);

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["OPPFOLGINGSPLAN_FRIST"] = "Frist for oppfølgingsplan",
        ["AKTIVITETSKRAV_INFO"] = "Informasjon om aktivitetskravet",
        ["DIALOGMOTE1_FRIST"] = "Frist for dialogmøte 1",
        ["MOTEBEHOV_SPORSMAL"] = "Spørsmål om møtebehov",
        ["FORHANDSVARSEL"] = "Forhåndsvarsel",
        ["KARTLEGGING"] = "Kartleggingsspørsmål",
        ["MOTEBEHOV_KVITTERING"] = "Kvittering for møtebehov",
        ["MOTEBEHOV_AVKLART"] = "Svar på møtebehov",
    };
}
