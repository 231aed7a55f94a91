using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>A doctor's sick note: sick <see cref="Grad"/> over <see cref="Periode"/>, for an employer or none.</summary>
/// <param name="Id">The sykmelding's own id from the sender; corrections and withdrawals refer to it.</param>
public sealed record Sykmelding(
    string Id,
    Periode Periode,
    Grad Grad,
    Organisasjonsnummer? Arbeidsgiver,
    SykmeldingType Type = SykmeldingType.Ordinary)
{
    public bool CountsAsSick => Type == SykmeldingType.Ordinary;
}
