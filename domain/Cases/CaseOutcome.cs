namespace Sykefravaer.Domain.Cases;

/// <summary>How a case ended, or <see cref="Open"/> while it runs.</summary>
public enum CaseOutcome
{
    Open,

    /// <summary>T7: 16 non-sick days after the last sick day (after a friskmelding or a sykmelding that simply
    /// ended), or the end of a friskmelding til arbeidsformidling.</summary>
    Friskmeldt,

    /// <summary>MAKSDATO: sykepenger are used up; the AAP transition was started.</summary>
    Maksdato,

    /// <summary>The person died; nothing more is sent.</summary>
    Dod,
}
