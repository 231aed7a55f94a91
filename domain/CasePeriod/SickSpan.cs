using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.CasePeriod;

/// <summary>Consecutive sick days at one grade, for one employer or none: the building block of a tilfelle.</summary>
public sealed record SickSpan(Periode Periode, Grad Grad, Organisasjonsnummer? Arbeidsgiver);
