namespace Sykefravaer.Domain.Effects;

public enum EffectKind
{
    /// <summary>A message to a person: the sykmeldt, the arbeidsgiver or the sykmelder.</summary>
    Notice,

    /// <summary>An oppgave on a NAV veileder's work list.</summary>
    Task,
}
