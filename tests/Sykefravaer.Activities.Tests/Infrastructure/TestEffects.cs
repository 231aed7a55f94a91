using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>Effects and commands as the rules and the workflow would make them.</summary>
internal static class TestEffects
{
    public static readonly DateOnly Day = new(2024, 2, 12);

    public static readonly Organisasjonsnummer Employer = Organisasjonsnummer.Parse("974652269");

    public static Effect Notice(string code = "AKTIVITETSKRAV_INFO", Recipient to = Recipient.Arbeidstaker, string? key = null) =>
        new(key ?? $"{code}/{to}", Day, EffectKind.Notice, code, to, $"{code}: S + 42, still sick");

    public static Effect Task(string code = "AKTIVITETSKRAV_VURDERING", string? key = null, DateOnly? notBefore = null) =>
        new(key ?? code, Day, EffectKind.Task, code, Recipient.Veileder, $"{code}: 56 sick days, not gradert", notBefore);

    public static EffectCommand NoticeCommand(Guid caseId, Effect? effect = null) => new(caseId, TestPerson.PersonRef, effect ?? Notice());

    public static EffectCommand TaskCommand(Guid caseId, Effect? effect = null, DateOnly? due = null) =>
        new(caseId, TestPerson.PersonRef, effect ?? Task(), due);

    public static ForhandsvarselCommand Forhandsvarsel(Guid caseId) =>
        new(caseId, TestPerson.PersonRef, Notice("FORHANDSVARSEL", key: "FORHANDSVARSEL/1"), Day.AddDays(21));

    public static AapTransitionCommand AapTransition(Guid caseId) =>
        new(
            caseId,
            TestPerson.PersonRef,
            Notice("MAKSDATO", key: "MAKSDATO/ARBEIDSTAKER"),
            Task("AAP_ARBEIDSEVNEVURDERING", key: "MAKSDATO/VEILEDER"),
            new DateOnly(2024, 12, 27));

    public static DecisionCommand Decision(Guid caseId) =>
        new(caseId, TestPerson.PersonRef, "av-1", "DIALOGMOTE2_UNNTAK", Day, "åpenbart unødvendig: arbeidstaker er i full jobb", "Z990001");

    public static CaseProjection Projection(Guid caseId, long version, string outcome = "OPEN") =>
        new(
            caseId,
            TestPerson.PersonRef,
            version,
            new CaseSummary(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29), null, outcome, new DateOnly(2024, 12, 27)),
            [
                new MilestoneView("OPPFOLGINGSPLAN_FRIST", new DateOnly(2024, 1, 29), "SATISFIED", null),
                new MilestoneView("AKTIVITETSKRAV_INFO", new DateOnly(2024, 2, 12), "FIRED", new DateOnly(2024, 2, 12)),
            ],
            [Notice()]);

    /// <summary>A closed tilfelle from <paramref name="start"/>: 21 days fully sick with no employer named, a gap of
    /// 4 days, then 35 days gradert at 60 % for <see cref="Employer"/> (so its end is <c>start + 59</c>).</summary>
    public static Oppfolgingstilfelle Tilfelle(DateOnly start) =>
        new([
            new SickSpan(Periode.Of(start, start.AddDays(20)), Grad.Full, null),
            new SickSpan(Periode.Of(start.AddDays(25), start.AddDays(59)), Grad.Of(60), Employer),
        ]);

    /// <summary>A closed case whose remembered tilfelle is <see cref="Tilfelle"/> from <paramref name="start"/>.</summary>
    public static ClosedCaseCommand ClosedCase(Guid caseId, DateOnly? start = null, string? personRef = null, long version = 1) =>
        new(caseId, personRef ?? TestPerson.PersonRef, Tilfelle(start ?? new DateOnly(2024, 1, 1)), version, ClosedState);

    // Any closed case state will do: the tilfelle the command names is what closed_tilfelle keeps for M2.
    private static readonly CaseState ClosedState = CaseState.Open().Apply(
        new SykmeldingMottatt("e-closed", NorwegianTime.StartOf(new DateOnly(2024, 1, 1)),
            new Sykmelding("sm-closed", Periode.Of(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 20)), Grad.Full, Employer)),
        NorwegianTime.StartOf(new DateOnly(2024, 3, 1))).State;
}
