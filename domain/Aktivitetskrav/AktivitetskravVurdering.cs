namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>A veileder's decision on the aktivitetskrav.</summary>
/// <param name="Arsak">The reason; required for <see cref="VurderingUtfall.Unntak"/> and (F1)
/// <see cref="VurderingUtfall.IkkeOppfylt"/>.</param>
/// <param name="Svarfrist">F2: only with <see cref="VurderingUtfall.IkkeOppfylt"/>: the reply deadline the veileder
/// chose, 21–42 days after sending; null means 21 days.</param>
public sealed record AktivitetskravVurdering(VurderingUtfall Utfall, string? Arsak = null, DateOnly? Svarfrist = null);
