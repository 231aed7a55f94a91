namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>A veileder's assessment of the aktivitetskrav (ftrl § 8-8).</summary>
public enum VurderingUtfall
{
    /// <summary>The person is in work-related activity.</summary>
    Oppfylt,

    /// <summary>Exempt (e.g. medical reasons); needs a reason.</summary>
    Unntak,

    /// <summary>Waiting for more information before deciding.</summary>
    Avvent,

    /// <summary>Not fulfilled: starts the forhåndsvarsel (F1); needs a reason.</summary>
    IkkeOppfylt,
}
