namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>A veileder's decision on the aktivitetskrav.</summary>
/// <param name="Arsak">The reason; required for <see cref="VurderingUtfall.Unntak"/> and (F1)
/// <see cref="VurderingUtfall.IkkeOppfylt"/>.</param>
/// <param name="Svarfrist">F2: only with <see cref="VurderingUtfall.IkkeOppfylt"/>: the reply deadline the veileder
/// chose, 21–42 days after sending; null means 21 days.</param>
public sealed record AktivitetskravVurdering(VurderingUtfall Utfall, string? Arsak = null, DateOnly? Svarfrist = null)
{
    /// <summary>F1: a decision of UNNTAK or IKKE_OPPFYLT gives its reasons.</summary>
    public static string? ArsakProblem(VurderingUtfall utfall, string? arsak) =>
        (utfall is VurderingUtfall.Unntak or VurderingUtfall.IkkeOppfylt) && string.IsNullOrWhiteSpace(arsak)
            ? "is required with UNNTAK and IKKE_OPPFYLT"
            : null;

    /// <summary>F2: only the IKKE_OPPFYLT that sends a forhåndsvarsel has a svarfrist.</summary>
    public static string? SvarfristProblem(VurderingUtfall utfall, DateOnly? svarfrist) =>
        svarfrist is not null && utfall != VurderingUtfall.IkkeOppfylt ? "is only given with IKKE_OPPFYLT" : null;
}
