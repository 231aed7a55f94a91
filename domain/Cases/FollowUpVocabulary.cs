namespace Sykefravaer.Domain.Cases;

/// <summary>Who an oppfølgingsplan was shared with.</summary>
public enum PlanMottaker
{
    Sykmelder,
    Nav,
}

/// <summary>Who said whether a dialogmøte is needed.</summary>
public enum MotebehovFra
{
    Arbeidstaker,
    Arbeidsgiver,
    Sykmelder,
}

/// <summary>A dialogmøte was held, or recorded as unnecessary ("åpenbart unødvendig", with a reason), or called
/// (<see cref="Innkalt"/>: the invitation went out; it satisfies nothing until it is held).</summary>
public enum DialogmoteStatus
{
    Avholdt,
    Unntak,
    Innkalt,
}
