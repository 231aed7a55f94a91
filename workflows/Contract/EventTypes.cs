namespace Sykefravaer.Workflows.Contract;

/// <summary>One event type of the contract: its name (a <see cref="CaseSignals"/> signal, the API's
/// <c>/api/v1/events/{name}</c> and simulate's <c>type</c>) and the body it is read as.</summary>
public sealed record EventType(string Name, Type BodyType, string Summary);

/// <summary>Every event type of RULES.md's Events table, in one list: the API maps an endpoint for each and simulate
/// reads each, so a new event type is added here once.</summary>
public static class EventTypes
{
    public static IReadOnlyList<EventType> All { get; } =
    [
        new(CaseSignals.Sykmelding, typeof(SykmeldingBody), "A sykmelding received"),
        new(CaseSignals.SykmeldingKorrigert, typeof(SykmeldingKorrigertBody), "A sykmelding corrected"),
        new(CaseSignals.SykmeldingAvbrutt, typeof(SykmeldingAvbruttBody), "A sykmelding withdrawn"),
        new(CaseSignals.Friskmelding, typeof(FriskmeldingBody), "Friskmelding"),
        new(CaseSignals.OppfolgingsplanDelt, typeof(OppfolgingsplanDeltBody), "Oppfølgingsplan shared"),
        new(CaseSignals.Motebehov, typeof(MotebehovBody), "Møtebehov"),
        new(CaseSignals.Dialogmote, typeof(DialogmoteBody), "Dialogmøte held or exempted"),
        new(CaseSignals.AktivitetskravVurdering, typeof(AktivitetskravVurderingBody), "Aktivitetskrav assessed"),
        new(CaseSignals.ForhandsvarselSvar, typeof(ForhandsvarselSvarBody), "Reply to the forhåndsvarsel"),
        new(CaseSignals.FriskmeldingTilArbeidsformidling, typeof(FriskmeldingTilArbeidsformidlingBody), "Friskmelding til arbeidsformidling"),
        new(CaseSignals.Dodsfall, typeof(DodsfallBody), "Death"),
        new(CaseSignals.KartleggingSvar, typeof(KartleggingSvarBody), "Answers to the week-6 kartlegging questions"),
        new(CaseSignals.SnartSluttSvar, typeof(SnartSluttSvarBody), "Answer to the week-39 question whether follow-up is wanted"),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToList();

    public static EventType? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
