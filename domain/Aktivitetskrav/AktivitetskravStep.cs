using System.Collections.Immutable;
using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>The process after a decision or a tick, with what the engine must do now.</summary>
public sealed record AktivitetskravStep(AktivitetskravProcess Process, ImmutableArray<Effect> Effects)
{
    internal static AktivitetskravStep Quiet(AktivitetskravProcess process) => new(process, []);
}
