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
        if (Motetype is < 1 or > 3)
        {
            throw new InvalidInputException("motetype", $"must be 1, 2 or 3, was {Motetype}");
        }

        if (Status == DialogmoteStatus.Unntak && string.IsNullOrWhiteSpace(Begrunnelse))
        {
            throw new InvalidInputException("begrunnelse", "is required when a dialogmøte is exempted (UNNTAK)");
        }

        SaneDates.Check(Dato, "dato");
    }
}

/// <summary>Ftrl § 8-5: sykepenger continue to <c>tom</c> while the person looks for new work (at most 12 weeks);
/// then the case ends.</summary>
public sealed record FriskmeldingTilArbeidsformidling(string Id, DateTimeOffset At, Periode Periode) : CaseEvent(Id, At)
{
    public const int MaxDays = 12 * 7;

    public override void Validate()
    {
        base.Validate();
        if (Periode.Days > MaxDays)
        {
            throw new InvalidInputException("periode", $"is at most 12 weeks ({MaxDays} days), was {Periode.Days} days");
        }
    }
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
