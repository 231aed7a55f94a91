using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Cases;

/// <summary>A sykmelding received: starts a case or continues the open one (T1).</summary>
public sealed record SykmeldingMottatt(string Id, DateTimeOffset At, Sykmelding Sykmelding) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        SykmeldingRules.Validate(Sykmelding);
    }
}

/// <summary>T6: a sykmelding replaced by a corrected version with the same sykmelding id.</summary>
public sealed record SykmeldingKorrigert(string Id, DateTimeOffset At, Sykmelding Sykmelding) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        SykmeldingRules.Validate(Sykmelding);
    }
}

/// <summary>T6: a sykmelding withdrawn for good.</summary>
public sealed record SykmeldingAvbrutt(string Id, DateTimeOffset At, string SykmeldingId) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(SykmeldingId))
        {
            throw new InvalidInputException("sykmeldingId", "is required");
        }
    }
}

/// <summary>The person is well from <paramref name="Dato"/>: the last sick day becomes the day before.</summary>
public sealed record FriskmeldingMottatt(string Id, DateTimeOffset At, DateOnly Dato) : CaseEvent(Id, At)
{
    public override void Validate()
    {
        base.Validate();
        SaneDates.Check(Dato, "dato");
    }
}

internal static class SykmeldingRules
{
    public static void Validate(Sykmelding? sykmelding)
    {
        if (sykmelding is null)
        {
            throw new InvalidInputException("sykmelding", "is required");
        }

        if (string.IsNullOrWhiteSpace(sykmelding.Id))
        {
            throw new InvalidInputException("sykmelding.id", "is required");
        }

        // Grad and Periode check themselves when made, but a signal that lacks them deserialises to their defaults
        // (grade 0, year 1): checked again here, so the event is refused instead of breaking the derivation later.
        _ = Grad.Of(sykmelding.Grad.Percent, "sykmelding.grad");
        _ = Periode.Of(sykmelding.Periode.Fom, sykmelding.Periode.Tom, "sykmelding.periode");
    }
}
