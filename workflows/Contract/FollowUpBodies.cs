using System.ComponentModel;
using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Workflows.Contract;

/// <summary>The oppfølgingsplan was shared: with the sykmelder it satisfies OPPFOLGINGSPLAN_FRIST; with NAV it is
/// input to dialogmøte 2.</summary>
public sealed record OppfolgingsplanDeltBody : EventBody
{
    public required PlanMottaker Mottaker { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        new OppfolgingsplanDelt(id, at, Mottaker);
}

/// <summary>A party said whether a dialogmøte is needed; a need creates a veileder task at once.</summary>
public sealed record MotebehovBody : EventBody
{
    public required MotebehovFra Fra { get; init; }

    public required bool HarBehov { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        new MotebehovMeldt(id, at, Fra, HarBehov);
}

/// <summary>Dialogmøte 1, 2 or 3 held, or exempted (UNNTAK, with a begrunnelse).</summary>
public sealed record DialogmoteBody : EventBody
{
    [Description("1, 2 or 3.")]
    public required int Motetype { get; init; }

    public required DialogmoteStatus Status { get; init; }

    public required DateOnly Dato { get; init; }

    [Description("Why the meeting is not needed; required with status UNNTAK. At most 4000 characters; line breaks but no other control characters.")]
    public string? Begrunnelse { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks)
    {
        var motetype = checks.Report("motetype", DialogmoteRegistrert.MotetypeProblem(Motetype));
        var begrunnelse = checks.Report("begrunnelse", DialogmoteRegistrert.BegrunnelseProblem(Status, Begrunnelse))
            && checks.FreeText(Begrunnelse, "begrunnelse");
        var dato = checks.Date(Dato, "dato");
        return motetype && begrunnelse && dato is not null
            ? new DialogmoteRegistrert(id, at, Motetype, Status, dato.Value, Begrunnelse)
            : null;
    }
}

/// <summary>Ftrl § 8-5: sykepenger continue to <c>tom</c> (at most 12 weeks) while the person looks for work.</summary>
public sealed record FriskmeldingTilArbeidsformidlingBody : EventBody
{
    public required DateOnly Fom { get; init; }

    public required DateOnly Tom { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks)
    {
        if (checks.Periode(Fom, Tom) is not { } periode)
        {
            return null;
        }

        return checks.Report("tom", FriskmeldingTilArbeidsformidling.TomProblem(periode))
            ? new FriskmeldingTilArbeidsformidling(id, at, periode)
            : null;
    }
}

/// <summary>The person died on <c>dato</c>: the case closes and nothing more is sent.</summary>
public sealed record DodsfallBody : EventBody
{
    public required DateOnly Dato { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        checks.DateNotAfterToday(Dato, "dato") is { } dato ? new Dodsfall(id, at, dato) : null;
}
