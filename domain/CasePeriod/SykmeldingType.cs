namespace Sykefravaer.Domain.CasePeriod;

/// <summary>T3: days covered only by behandlingsdager or reisetilskudd are not sick days.</summary>
public enum SykmeldingType
{
    Ordinary,
    Behandlingsdager,
    Reisetilskudd,
}
