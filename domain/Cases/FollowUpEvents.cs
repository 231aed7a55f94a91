using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Cases;

/// <summary>The oppfølgingsplan was shared: with the sykmelder it satisfies OPPFOLGINGSPLAN_FRIST; with NAV it is
/// input to dialogmøte 2.</summary>
public sealed record OppfolgingsplanDelt(string Id, DateTimeOffset At, PlanMottaker Mottaker) : CaseEvent(Id, At);

/// <summary>A party said whether a dialogmøte is needed; a need creates a veileder task at once (ftrl § 8-7 a).</summary>
public sealed record MotebehovMeldt(string Id, DateTimeOffset At, MotebehovFra Fra, bool HarBehov) : CaseEvent(Id, At);

/// <summary>Dialogmøte 1, 2 or 3 held, or exempted with a <paramref name="Begrunnelse"/> (required for
/// <see cref="DialogmoteStatus.Unntak"/>).</summary>
public sealed record DialogmoteRegistrert(
    string Id, DateTimeOffset At, int Motetype, DialogmoteStatus Status, DateOnly Dato, string? Begrunnelse = null)
    : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        if (MotetypeProblem(Motetype) is { } motetype)
        {
            throw new InvalidInputException("motetype", $"{motetype}, was {Motetype}");
        }

        if (BegrunnelseProblem(Status, Begrunnelse) is { } begrunnelse)
        {
            throw new InvalidInputException("begrunnelse", begrunnelse);
        }

        SaneDates.Check(Dato, "dato");
    }

    public static string? MotetypeProblem(int motetype) => motetype is >= 1 and <= 3 ? null : "must be 1, 2 or 3";

    /// <summary>An exemption gives its reasons.</summary>
    public static string? BegrunnelseProblem(DialogmoteStatus status, string? begrunnelse) =>
        status == DialogmoteStatus.Unntak && string.IsNullOrWhiteSpace(begrunnelse) ? "is required when status is UNNTAK" : null;
}

/// <summary>Ftrl § 8-5: sykepenger continue to <c>tom</c> while the person looks for new work (at most 12 weeks);
/// then the case ends.</summary>
public sealed record FriskmeldingTilArbeidsformidling(string Id, DateTimeOffset At, Periode Periode) : CaseEvent(Id, At)
{
    public const int MaxDays = 12 * 7;

    public override void Validate()
    {
        base.Validate();
        if (TomProblem(Periode) is { } problem)
        {
            throw new InvalidInputException("tom", $"{problem}, was {Periode.Days} days");
        }
    }

    /// <summary>Ftrl § 8-5: at most 12 weeks.</summary>
    public static string? TomProblem(Periode periode) =>
        periode.Days > MaxDays ? $"must be at most 12 weeks ({MaxDays} days) after fom" : null;
}

/// <summary>The person died on <paramref name="Dato"/>: the case closes and nothing more is sent.</summary>
public sealed record Dodsfall(string Id, DateTimeOffset At, DateOnly Dato) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        SaneDates.Check(Dato, "dato");
    }
}
