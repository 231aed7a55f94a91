namespace Sykefravaer.Domain.Effects;

public enum Recipient
{
    Arbeidstaker,
    Arbeidsgiver,
    Sykmelder,
    Veileder,
}
