using System.ComponentModel;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Workflows.Contract;

/// <summary>KARTLEGGING_SVAR: the person's answers to the three week-6 questions (rule set 2027-behov). Taken up
/// within 31 days of the questions, once: a veileder task, flagged risk when an answer is not the low-risk one.</summary>
public sealed record KartleggingSvarBody : EventBody
{
    [Description("«Hvor sannsynlig er det at du kommer tilbake i jobben du ble sykmeldt fra?» SANNSYNLIG is the low-risk answer.")]
    public required TilbakeTilJobben TilbakeTilJobben { get; init; }

    [Description("«Hvordan vil du beskrive samarbeidet og relasjonen mellom deg og arbeidsgiveren din?» GOD is the low-risk answer.")]
    public required SamarbeidMedArbeidsgiver Samarbeid { get; init; }

    [Description("«Hvor lenge tror du at du kommer til å være sykmeldt?» UNDER_SEKS_MANEDER is the low-risk answer.")]
    public required ForventetVarighet Varighet { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        new KartleggingSvarMottatt(id, at, new KartleggingSvar(TilbakeTilJobben, Samarbeid, Varighet));
}

/// <summary>SNART_SLUTT_SVAR: the person's answer to «Ønsker du å be om oppfølging?» with the week-39 notice
/// (rule set 2027-behov); yes and no each create a veileder task.</summary>
public sealed record SnartSluttSvarBody : EventBody
{
    public required bool OnskerOppfolging { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        new SnartSluttSvarMottatt(id, at, OnskerOppfolging);
}
