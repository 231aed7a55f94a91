using System.Collections.Immutable;

namespace Sykefravaer.Domain.Milestones;

/// <summary>
/// One row of the milestone table of RULES.md, as data. It fires on its due date when every
/// <see cref="AppliesWhen"/> condition holds and no <see cref="SatisfiedWhen"/> condition does.
/// </summary>
/// <param name="SatisfiedWhen">Its purpose was met before it fell due, or it is fulfilled automatically.</param>
/// <param name="Effects">What it produces; each effect's code is the milestone <see cref="Code"/>.</param>
/// <param name="Basis">The legal basis or source, for the audit trail.</param>
/// <param name="ClosesCase">The case ends when it fires (MAKSDATO: sykepenger are used up).</param>
/// <param name="StartsAktivitetskrav">Firing opens the aktivitetskrav process, F1–F3 (AKTIVITETSKRAV_VURDERING: the
/// veileder's task to assess it).</param>
/// <param name="Asks">The notice asks the person questions, answered within this window (KARTLEGGING).</param>
public sealed record MilestoneRule(
    string Code,
    DueRule Due,
    ImmutableArray<Condition> AppliesWhen,
    ImmutableArray<Condition> SatisfiedWhen,
    ImmutableArray<EffectTemplate> Effects,
    string Basis,
    bool ClosesCase = false,
    bool StartsAktivitetskrav = false,
    Sporsmal.SvarVindu? Asks = null)
{
    public bool Applies(MilestoneFacts facts, DateOnly due) => AppliesWhen.All(c => c.Holds(facts, due));

    public bool IsSatisfied(MilestoneFacts facts, DateOnly due) => SatisfiedWhen.Any(c => c.Holds(facts, due));
}
